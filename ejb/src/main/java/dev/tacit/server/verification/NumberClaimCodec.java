package dev.tacit.server.verification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.function.Function;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;

/**
 * Issues and checks stateless statements about a phone number, the one format of verification tokens and
 * send proofs (docs/protocol.md §4.5, §4.6): {@code base64url(payload) "." base64url(tag)}, both without
 * padding, where payload = kind (1 byte) || nonce (16 random bytes) || instant (8 bytes, big-endian Unix
 * seconds) || E.164 number (ASCII), and tag = HMAC-SHA256(secret, payload). Each kind has its own secret, so
 * one kind can never stand in for another; the kind byte says which it is all the same.
 */
final class NumberClaimCodec {

    private static final int HEADER_LENGTH = 1 + VerificationNonce.LENGTH + Long.BYTES;
    /** Longer than any statement this codec issues; bounds the work done on hostile input. */
    static final int MAX_LENGTH = 128;

    private final byte kind;
    private final byte[] secret;
    private final PhoneNumberNormalizer normalizer;
    private final SecureRandom random;
    private final String name;
    private final Function<String, ? extends VerificationException> invalid;

    /**
     * @param name    what the statements are called in error messages, e.g. "verification token"
     * @param invalid makes the exception for a statement that is malformed or not authentic
     */
    NumberClaimCodec(byte kind, byte[] secret, PhoneNumberNormalizer normalizer, SecureRandom random, String name,
                     Function<String, ? extends VerificationException> invalid) {
        if (secret.length < VerificationCodes.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the " + name + " secret must have at least "
                    + VerificationCodes.MIN_SECRET_LENGTH + " bytes");
        }
        this.kind = kind;
        this.secret = secret.clone();
        this.normalizer = normalizer;
        this.random = random;
        this.name = name;
        this.invalid = invalid;
    }

    /** A statement as issued: its text for the client, and what it says. */
    record Issued(String text, NumberClaim claim) {

        @Override
        public String toString() {
            return "Issued[" + claim + "]";
        }
    }

    /** A new statement about {@code number} naming {@code instant}, in whole seconds, with a fresh nonce. */
    Issued issue(NormalizedPhoneNumber number, Instant instant) {
        byte[] e164 = number.e164().getBytes(StandardCharsets.US_ASCII);
        VerificationNonce nonce = VerificationNonce.random(random);
        Instant seconds = Instant.ofEpochSecond(instant.getEpochSecond());
        byte[] payload = ByteBuffer.allocate(HEADER_LENGTH + e164.length)
                .put(kind)
                .put(nonce.bytes())
                .putLong(seconds.getEpochSecond())
                .put(e164)
                .array();
        String text = Base64Url.encode(payload) + "." + Base64Url.encode(tag(payload));
        return new Issued(text, new NumberClaim(payload, nonce, seconds, number));
    }

    /**
     * What {@code text} states, once its tag has verified (in constant time). Says nothing of its instant:
     * the caller decides what the instant means.
     *
     * @throws VerificationException of this codec's kind unless the text is well formed and authentic
     */
    NumberClaim open(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw invalid.apply("not a " + name);
        }
        int dot = text.indexOf('.');
        if (dot < 0 || text.indexOf('.', dot + 1) >= 0) {
            throw invalid.apply("not a " + name);
        }
        byte[] payload = decode(text.substring(0, dot));
        byte[] tag = decode(text.substring(dot + 1));
        if (!MessageDigest.isEqual(tag(payload), tag)) {
            throw invalid.apply("the " + name + " was not issued by this server");
        }
        // Authentic from here on: only this server's codec wrote the payload, so its layout is known.
        ByteBuffer reader = ByteBuffer.wrap(payload);
        if (payload.length <= HEADER_LENGTH || reader.get() != kind) {
            throw invalid.apply("unsupported " + name + " version");
        }
        byte[] nonce = new byte[VerificationNonce.LENGTH];
        reader.get(nonce);
        Instant instant = Instant.ofEpochSecond(reader.getLong());
        byte[] e164 = new byte[reader.remaining()];
        reader.get(e164);
        NormalizedPhoneNumber number = normalizer.normalize(new String(e164, StandardCharsets.US_ASCII));
        return new NumberClaim(payload, VerificationNonce.of(nonce), instant, number);
    }

    private byte[] tag(byte[] payload) {
        return Hotp.hmac(Hotp.Algorithm.HMAC_SHA256, secret, payload);
    }

    private byte[] decode(String part) {
        try {
            return Base64Url.decode(part);
        } catch (MalformedEncodingException e) {
            throw invalid.apply("not a " + name);
        }
    }
}
