package dev.tacit.crypto.token;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * An issuer's RSA-2048 public key for token type 0x0002, with its {@link TokenKeyId}. Its encoding is the
 * DER SubjectPublicKeyInfo with the id-RSASSA-PSS algorithm and explicit parameters SHA-384, MGF1-SHA-384,
 * salt length 48 (RFC 9578 §6.5); decoding accepts exactly that and nothing else.
 */
public final class IssuerPublicKey {

    /** The SPKI algorithm identifier RFC 9578 §6.5 requires, in the DER form of its example. */
    private static final AlgorithmIdentifier RSASSA_PSS_SHA384 = new AlgorithmIdentifier(
            PKCSObjectIdentifiers.id_RSASSA_PSS,
            new RSASSAPSSparams(
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384),
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384)),
                    new ASN1Integer(48),
                    RSASSAPSSparams.DEFAULT_TRAILER_FIELD));

    private final RSAKeyParameters key;
    private final byte[] encoded;
    private final TokenKeyId keyId;

    private IssuerPublicKey(RSAKeyParameters key, byte[] encoded) {
        this.key = key;
        this.encoded = encoded;
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(encoded, 0, encoded.length);
        byte[] digest = new byte[sha256.getDigestSize()];
        sha256.doFinal(digest, 0);
        this.keyId = TokenKeyId.ofDigest(digest);
    }

    /** Builds the key from its modulus and public exponent, checking both. */
    static IssuerPublicKey of(BigInteger modulus, BigInteger publicExponent) throws MalformedEncodingException {
        if (modulus.bitLength() != TokenFormat.NK * 8) {
            throw new MalformedEncodingException("an issuer key must have a " + TokenFormat.NK * 8 + "-bit modulus, not "
                    + modulus.bitLength());
        }
        if (!publicExponent.testBit(0) || publicExponent.compareTo(BigInteger.valueOf(3)) < 0
                || publicExponent.compareTo(modulus) >= 0) {
            throw new MalformedEncodingException("the issuer key's public exponent must be odd and in [3, n)");
        }
        RSAKeyParameters key;
        try {
            key = new RSAKeyParameters(false, modulus, publicExponent); // rejects an even modulus or one with small factors
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException("the issuer key's modulus is not a valid RSA modulus", e);
        }
        try {
            byte[] spki = new SubjectPublicKeyInfo(RSASSA_PSS_SHA384, new RSAPublicKey(modulus, publicExponent))
                    .getEncoded(ASN1Encoding.DER);
            return new IssuerPublicKey(key, spki);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of a SubjectPublicKeyInfo failed", e);
        }
    }

    /** Decodes the DER SubjectPublicKeyInfo of RFC 9578 §6.5 (the only encoding accepted: DER, PSS OID, exact parameters). */
    public static IssuerPublicKey decode(byte[] spki) throws MalformedEncodingException {
        SubjectPublicKeyInfo info;
        RSAPublicKey rsa;
        try {
            info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(spki));
            rsa = RSAPublicKey.getInstance(info.parsePublicKey());
        } catch (IOException | RuntimeException e) {
            throw new MalformedEncodingException("not a DER SubjectPublicKeyInfo carrying an RSA public key", e);
        }
        if (!RSASSA_PSS_SHA384.equals(info.getAlgorithm())) {
            throw new MalformedEncodingException("the key's algorithm is not id-RSASSA-PSS with SHA-384, MGF1-SHA-384, salt length 48");
        }
        IssuerPublicKey key = of(rsa.getModulus(), rsa.getPublicExponent());
        if (!Arrays.equals(key.encoded, spki)) {
            throw new MalformedEncodingException("the SubjectPublicKeyInfo is not in canonical DER");
        }
        return key;
    }

    /** The DER SubjectPublicKeyInfo, the form clients are given and that token_key_id hashes. */
    public byte[] encode() {
        return encoded.clone();
    }

    /** SHA-256 of {@link #encode()}. */
    public TokenKeyId keyId() {
        return keyId;
    }

    RSAKeyParameters rsaKey() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssuerPublicKey that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "IssuerPublicKey[keyId=" + keyId + "]";
    }
}
