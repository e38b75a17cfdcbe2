package dev.tacit.server.verification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;

/**
 * Issues and checks stateless verification tokens: {@code base64url(payload) "." base64url(tag)}, both
 * without padding, where payload = version (1 byte, 0x01) || nonce (16 bytes) || expiry (8 bytes, big-endian
 * Unix seconds) || E.164 number (ASCII), and tag = HMAC-SHA256(token secret, payload).
 */
final class VerificationTokenCodec {

    private static final byte VERSION = 1;
    private static final int HEADER_LENGTH = 1 + VerificationNonce.LENGTH + Long.BYTES;
    /** Longer than any token this codec issues; bounds the work done on hostile input. */
    static final int MAX_TOKEN_LENGTH = 128;

    private final byte[] secret;
    private final PhoneNumberNormalizer normalizer;
    private final SecureRandom random;

    VerificationTokenCodec(byte[] secret, PhoneNumberNormalizer normalizer, SecureRandom random) {
        if (secret.length < VerificationCodes.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the token secret must have at least 32 bytes");
        }
        this.secret = secret.clone();
        this.normalizer = normalizer;
        this.random = random;
    }

    IssuedVerificationToken issue(NormalizedPhoneNumber number, Instant expiresAt) {
        byte[] e164 = number.e164().getBytes(StandardCharsets.US_ASCII);
        byte[] payload = ByteBuffer.allocate(HEADER_LENGTH + e164.length)
                .put(VERSION)
                .put(VerificationNonce.random(random).bytes())
                .putLong(expiresAt.getEpochSecond())
                .put(e164)
                .array();
        String token = Base64Url.encode(payload) + "." + Base64Url.encode(tag(payload));
        return new IssuedVerificationToken(token, Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    /**
     * @throws InvalidVerificationTokenException unless the token is well formed and its tag verifies
     * @throws ExpiredVerificationTokenException if it is authentic but {@code now} is at or past its expiry
     */
    VerifiedPhoneNumber check(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidVerificationTokenException("not a verification token");
        }
        int dot = token.indexOf('.');
        if (dot < 0 || token.indexOf('.', dot + 1) >= 0) {
            throw new InvalidVerificationTokenException("not a verification token");
        }
        byte[] payload = decode(token.substring(0, dot));
        byte[] tag = decode(token.substring(dot + 1));
        if (!MessageDigest.isEqual(tag(payload), tag)) {
            throw new InvalidVerificationTokenException("the verification token was not issued by this server");
        }
        // Authentic from here on: only this server's codec wrote the payload, so its layout is known.
        ByteBuffer reader = ByteBuffer.wrap(payload);
        if (payload.length <= HEADER_LENGTH || reader.get() != VERSION) {
            throw new InvalidVerificationTokenException("unsupported verification token version");
        }
        byte[] nonce = new byte[VerificationNonce.LENGTH];
        reader.get(nonce);
        Instant expiresAt = Instant.ofEpochSecond(reader.getLong());
        byte[] e164 = new byte[reader.remaining()];
        reader.get(e164);
        NormalizedPhoneNumber number = normalizer.normalize(new String(e164, StandardCharsets.US_ASCII));
        if (!now.isBefore(expiresAt)) {
            throw new ExpiredVerificationTokenException();
        }
        return new VerifiedPhoneNumber(number, VerificationNonce.of(nonce), expiresAt);
    }

    private byte[] tag(byte[] payload) {
        return Hotp.hmac(Hotp.Algorithm.HMAC_SHA256, secret, payload);
    }

    private static byte[] decode(String part) {
        try {
            return Base64Url.decode(part);
        } catch (MalformedEncodingException e) {
            throw new InvalidVerificationTokenException("not a verification token");
        }
    }
}
