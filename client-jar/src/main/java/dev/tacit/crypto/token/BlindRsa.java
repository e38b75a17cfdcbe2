package dev.tacit.crypto.token;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.engines.RSABlindingEngine;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSABlindingParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.BigIntegers;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * The four steps of RFC 9474 (Prepare, Blind, BlindSign, Finalize) plus RSASSA-PSS verification, composed
 * from Bouncy Castle's RSA primitives: {@link PSSSigner} does EMSA-PSS encoding and verification,
 * {@link RSABlindingEngine} multiplies by r^e (blind) and by r^-1 (unblind), {@link RSABlindedEngine} does
 * the private-key operation with side-channel blinding. Byte arrays here are raw; the typed token classes
 * are the public face.
 */
final class BlindRsa {

    private BlindRsa() {
    }

    /** What {@link #blind} hands back: the message to send and what finalization needs to keep. */
    record Blinded(byte[] blindedMessage, BigInteger blindingFactor) {
    }

    /** RFC 9474 §4.1: prefixes 32 random bytes for the randomized variants, leaves the message alone otherwise. */
    static byte[] prepare(BlindRsaVariant variant, byte[] message, SecureRandom random) {
        if (!variant.randomized()) {
            return message.clone();
        }
        byte[] prefix = new byte[BlindRsaVariant.MESSAGE_PREFIX_LENGTH];
        random.nextBytes(prefix);
        return Arrays.concatenate(prefix, message);
    }

    /** RFC 9474 §4.2 with a fresh salt and a fresh blinding factor r. */
    static Blinded blind(RSAKeyParameters publicKey, BlindRsaVariant variant, byte[] preparedMessage,
            SecureRandom random) throws MalformedEncodingException {
        byte[] salt = new byte[variant.saltLength()];
        random.nextBytes(salt);
        return blind(publicKey, preparedMessage, salt, randomBlindingFactor(publicKey.getModulus(), random));
    }

    /**
     * r uniform in [1, n) and invertible mod n, as RFC 9474 §4.2 requires. Not Bouncy Castle's
     * RSABlindingFactorGenerator: it draws r below 2^(bitlength(n)-1), and an issuer who sees the finished
     * token could then rule out a request whenever (blinded_msg^d / sig) mod n is too large, linking the two.
     */
    static BigInteger randomBlindingFactor(BigInteger n, SecureRandom random) {
        BigInteger upper = n.subtract(BigInteger.ONE);
        while (true) {
            BigInteger r = BigIntegers.createRandomInRange(BigInteger.ONE, upper, random);
            if (r.gcd(n).equals(BigInteger.ONE)) {
                return r;
            }
        }
    }

    /**
     * RFC 9474 §4.2 with the salt and blinding factor given: EMSA-PSS-ENCODE(msg) * r^e mod n. Deterministic,
     * which is what the test vectors and the protocol document's worked example need.
     */
    static Blinded blind(RSAKeyParameters publicKey, byte[] preparedMessage, byte[] salt, BigInteger blindingFactor)
            throws MalformedEncodingException {
        BigInteger n = publicKey.getModulus();
        if (blindingFactor.signum() <= 0 || blindingFactor.compareTo(n) >= 0 || !blindingFactor.gcd(n).equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("the blinding factor must be in [1, n) and invertible mod n");
        }
        PSSSigner encoder = new PSSSigner(new RSABlindingEngine(), new SHA384Digest(), new SHA384Digest(), salt.clone());
        encoder.init(true, new RSABlindingParameters(publicKey, blindingFactor));
        encoder.update(preparedMessage, 0, preparedMessage.length);
        byte[] blinded;
        try {
            blinded = encoder.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException | DataLengthException e) {
            throw new MalformedEncodingException("the message cannot be PSS-encoded for this key", e);
        }
        BigInteger z = new BigInteger(1, blinded);
        // gcd(z, n) = gcd(m, n) because r^e is a unit mod n: this is RFC 9474's check that m is invertible.
        if (!z.gcd(n).equals(BigInteger.ONE)) {
            throw new MalformedEncodingException("the encoded message is not invertible mod n");
        }
        return new Blinded(fixedLength(z, publicKey), blindingFactor);
    }

    /**
     * RFC 9474 §4.3: s = m^d mod n, then the required check that s^e mod n = m, which catches a faulty
     * private-key computation before it could leak the key.
     */
    static byte[] blindSign(RSAPrivateCrtKeyParameters privateKey, byte[] blindedMessage, SecureRandom random)
            throws MalformedEncodingException, BlindSigningFailedException {
        BigInteger m = new BigInteger(1, blindedMessage);
        if (m.compareTo(privateKey.getModulus()) >= 0) {
            throw new MalformedEncodingException("the blinded message is not below the issuer's modulus");
        }
        RSAKeyParameters publicKey = new RSAKeyParameters(false, privateKey.getModulus(), privateKey.getPublicExponent());
        byte[] raw = apply(new RSABlindedEngine(), false, new ParametersWithRandom(privateKey, random), blindedMessage);
        BigInteger s = new BigInteger(1, raw);
        byte[] signature = fixedLength(s, publicKey);
        BigInteger check = new BigInteger(1, apply(new RSAEngine(), true, publicKey, signature));
        if (!check.equals(m)) {
            throw new BlindSigningFailedException("the private-key operation produced an inconsistent result");
        }
        return signature;
    }

    /** RFC 9474 §4.4: s = z * r^-1 mod n, kept only if it verifies as an RSASSA-PSS signature of the message. */
    static byte[] finalizeSignature(RSAKeyParameters publicKey, BlindRsaVariant variant, byte[] preparedMessage,
            byte[] blindSignature, BigInteger blindingFactor) throws InvalidTokenSignatureException {
        BigInteger z = new BigInteger(1, blindSignature);
        if (z.compareTo(publicKey.getModulus()) >= 0) {
            throw new InvalidTokenSignatureException("the blind signature is not below the issuer's modulus");
        }
        byte[] unblinded = apply(new RSABlindingEngine(), false, new RSABlindingParameters(publicKey, blindingFactor),
                blindSignature);
        byte[] signature = fixedLength(new BigInteger(1, unblinded), publicKey);
        if (!verify(publicKey, variant, preparedMessage, signature)) {
            throw new InvalidTokenSignatureException("the blind signature does not finalize to a valid signature");
        }
        return signature;
    }

    /** RSASSA-PSS-VERIFY (RFC 8017 §8.1.2) with SHA-384, MGF1-SHA-384 and the variant's salt length. */
    static boolean verify(RSAKeyParameters publicKey, BlindRsaVariant variant, byte[] preparedMessage, byte[] signature) {
        if (signature.length != modulusLength(publicKey)) {
            return false;
        }
        PSSSigner verifier = new PSSSigner(new RSAEngine(), new SHA384Digest(), new SHA384Digest(), variant.saltLength());
        verifier.init(false, publicKey);
        verifier.update(preparedMessage, 0, preparedMessage.length);
        try {
            return verifier.verifySignature(signature);
        } catch (DataLengthException e) {
            return false; // signature representative not below n
        }
    }

    static int modulusLength(RSAKeyParameters key) {
        return (key.getModulus().bitLength() + 7) / 8;
    }

    private static byte[] apply(AsymmetricBlockCipher engine, boolean forEncryption,
            org.bouncycastle.crypto.CipherParameters parameters, byte[] input) {
        engine.init(forEncryption, parameters);
        try {
            return engine.processBlock(input, 0, input.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("a raw RSA engine reported a padding error", e); // raw RSA has no padding
        }
    }

    /** I2OSP(x, modulus length): Bouncy Castle's engines drop leading zero bytes on some paths. */
    private static byte[] fixedLength(BigInteger value, RSAKeyParameters key) {
        return BigIntegers.asUnsignedByteArray(modulusLength(key), value);
    }
}
