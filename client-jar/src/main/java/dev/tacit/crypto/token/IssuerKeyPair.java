package dev.tacit.crypto.token;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.SecretKeyAccess;

/**
 * An issuer's RSA-2048 signing key with its public half: it blind-signs {@link TokenRequest}s (RFC 9474
 * BlindSign) without learning the token they become. Held only by the server. Persisted as unencrypted
 * PKCS#8 (rsaEncryption), the form RFC 9578's test vectors use; protecting that file is the caller's job.
 */
public final class IssuerKeyPair {

    private static final BigInteger PUBLIC_EXPONENT = BigInteger.valueOf(65537);
    /** Primality certainty for Bouncy Castle's generator: probability of a composite below 2^-128. */
    private static final int PRIME_CERTAINTY = 128;

    private final RSAPrivateCrtKeyParameters privateKey;
    private final IssuerPublicKey publicKey;
    private final SecureRandom random;

    private IssuerKeyPair(RSAPrivateCrtKeyParameters privateKey, IssuerPublicKey publicKey, SecureRandom random) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.random = random;
    }

    /** Generates a fresh RSA-2048 key with public exponent 65537. */
    public static IssuerKeyPair generate(SecureRandom random) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(PUBLIC_EXPONENT, random, TokenFormat.NK * 8, PRIME_CERTAINTY));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        RSAPrivateCrtKeyParameters key = (RSAPrivateCrtKeyParameters) pair.getPrivate();
        try {
            return new IssuerKeyPair(key, IssuerPublicKey.of(key.getModulus(), key.getPublicExponent()), random);
        } catch (MalformedEncodingException e) {
            // Bouncy Castle guarantees the exact bit length, so this is a defect worth failing loudly on.
            throw new IllegalStateException("generated an unusable issuer key", e);
        }
    }

    /** Decodes an unencrypted PKCS#8 RSA private key, checking that it is a consistent RSA-2048 CRT key. */
    public static IssuerKeyPair decodePkcs8(byte[] pkcs8) throws MalformedEncodingException {
        RSAPrivateKey rsa;
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(pkcs8));
            if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
                throw new MalformedEncodingException("the PKCS#8 key is not an rsaEncryption key");
            }
            rsa = RSAPrivateKey.getInstance(info.parsePrivateKey());
        } catch (IOException | RuntimeException e) {
            throw new MalformedEncodingException("not a DER PKCS#8 RSA private key", e);
        }
        IssuerPublicKey publicKey = IssuerPublicKey.of(rsa.getModulus(), rsa.getPublicExponent());
        BigInteger p = rsa.getPrime1();
        BigInteger q = rsa.getPrime2();
        BigInteger d = rsa.getPrivateExponent();
        boolean consistent = p.multiply(q).equals(rsa.getModulus())
                && rsa.getExponent1().equals(d.mod(p.subtract(BigInteger.ONE)))
                && rsa.getExponent2().equals(d.mod(q.subtract(BigInteger.ONE)))
                && rsa.getCoefficient().multiply(q).mod(p).equals(BigInteger.ONE)
                && rsa.getPublicExponent().multiply(d).mod(p.subtract(BigInteger.ONE)).equals(BigInteger.ONE)
                && rsa.getPublicExponent().multiply(d).mod(q.subtract(BigInteger.ONE)).equals(BigInteger.ONE);
        if (!consistent) {
            throw new MalformedEncodingException("the RSA private key's components are inconsistent");
        }
        RSAPrivateCrtKeyParameters key = new RSAPrivateCrtKeyParameters(rsa.getModulus(), rsa.getPublicExponent(), d, p, q,
                rsa.getExponent1(), rsa.getExponent2(), rsa.getCoefficient());
        return new IssuerKeyPair(key, publicKey, new SecureRandom());
    }

    /** The private key as unencrypted DER PKCS#8: secret, to be stored protected only (a server's sealed keys). */
    public byte[] encodePkcs8(SecretKeyAccess access) {
        SecretKeyAccess.require(access);
        RSAPrivateKey rsa = new RSAPrivateKey(privateKey.getModulus(), privateKey.getPublicExponent(),
                privateKey.getExponent(), privateKey.getP(), privateKey.getQ(), privateKey.getDP(), privateKey.getDQ(),
                privateKey.getQInv());
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of a PKCS#8 key failed", e);
        }
    }

    public IssuerPublicKey publicKey() {
        return publicKey;
    }

    /**
     * Blind-signs a token request (RFC 9578 §6.2, RFC 9474 §4.3). Whether the client may have a token is the
     * caller's decision, made before this call.
     *
     * @throws UnknownTokenKeyException if the request's truncated key id is not this key's
     * @throws MalformedEncodingException if the blinded message is not below this key's modulus
     * @throws BlindSigningFailedException if the signature failed its consistency check (a fault); send nothing
     */
    public TokenResponse blindSign(TokenRequest request)
            throws UnknownTokenKeyException, MalformedEncodingException, BlindSigningFailedException {
        if (request.truncatedKeyId() != publicKey.keyId().truncated()) {
            throw new UnknownTokenKeyException("the token request is for truncated key id " + request.truncatedKeyId()
                    + ", not this key's " + publicKey.keyId().truncated());
        }
        return new TokenResponse(BlindRsa.blindSign(privateKey, request.blindedMessage(), random));
    }

    /** Names the key by its public id only. */
    @Override
    public String toString() {
        return "IssuerKeyPair[keyId=" + publicKey.keyId() + "]";
    }
}
