package dev.tacit.server.bulk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tacit.server.auth.RequestNonceStore;
import dev.tacit.server.keys.ServerSecrets;

/**
 * The challenges an account signs to prove it holds a certificate's key (docs/protocol.md §4.26), stateless until
 * answered: {@code 0x01 || expires (8 bytes, Unix seconds) || random (16) || HMAC-SHA256(secret, label || 0x00 ||
 * len(number) || number || the first 25 bytes)}, 57 bytes. The MAC binds the challenge to its account and expiry,
 * so issuing stores nothing; the proof that is granted with it records it as spent, among the request nonces
 * (under a digest no request signature's nonce pair can have), until it expires, so it grants once.
 */
@ApplicationScoped
public class BulkSenderChallenges {

    static final int LENGTH = 57;
    static final String SECRET = "bulk-sender-challenge";
    private static final byte VERSION = 1;
    private static final int RANDOM_BYTES = 16;
    private static final int SIGNED_BYTES = 1 + 8 + RANDOM_BYTES;
    private static final byte[] MAC_LABEL = "tacit-bulk-sender-challenge-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SPENT_LABEL = "tacit-bulk-sender-challenge-spent".getBytes(StandardCharsets.US_ASCII);

    @Inject
    ServerSecrets secrets;

    @Inject
    RequestNonceStore spent;

    private final SecureRandom random = new SecureRandom();
    private byte[] secret;

    @PostConstruct
    void load() {
        secret = secrets.getOrCreate(SECRET, 32);
    }

    /** A fresh challenge for {@code account}, answerable until {@code expiresAt} (whole seconds). */
    public byte[] issue(String account, Instant expiresAt) {
        byte[] nonce = new byte[RANDOM_BYTES];
        random.nextBytes(nonce);
        ByteBuffer challenge = ByteBuffer.allocate(LENGTH).put(VERSION).putLong(expiresAt.getEpochSecond()).put(nonce);
        return challenge.put(mac(account, challenge.array())).array();
    }

    /**
     * Checks that {@code challenge} was issued by this server to {@code account}, has not expired at {@code now}
     * and granted no proof yet.
     *
     * @return when it expires
     * @throws BulkSenderRefusedException {@code INVALID_CHALLENGE}, {@code CHALLENGE_EXPIRED} or {@code CHALLENGE_USED}
     */
    public Instant check(String account, byte[] challenge, Instant now) {
        if (challenge.length != LENGTH || challenge[0] != VERSION) {
            throw new BulkSenderRefusedException(BulkSenderRefusedException.Reason.INVALID_CHALLENGE,
                    "The challenge is not a challenge of this server (§4.26).");
        }
        byte[] expected = mac(account, challenge);
        byte[] given = new byte[32];
        System.arraycopy(challenge, SIGNED_BYTES, given, 0, given.length);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new BulkSenderRefusedException(BulkSenderRefusedException.Reason.INVALID_CHALLENGE,
                    "The challenge was not issued by this server to this account.");
        }
        Instant expiresAt = Instant.ofEpochSecond(ByteBuffer.wrap(challenge, 1, 8).getLong());
        if (!now.isBefore(expiresAt)) {
            throw new BulkSenderRefusedException(BulkSenderRefusedException.Reason.CHALLENGE_EXPIRED,
                    "The challenge has expired: ask for a new one.");
        }
        if (spent.recorded(spentDigest(challenge))) {
            throw used();
        }
        return expiresAt;
    }

    /**
     * Records {@code challenge} as spent until {@code expiresAt}, in the caller's transaction: one insert under a
     * unique key, so of concurrent proofs with one challenge one records it.
     *
     * @throws BulkSenderRefusedException {@code CHALLENGE_USED} if it was recorded before
     */
    public void spend(byte[] challenge, Instant expiresAt) {
        if (!spent.record(spentDigest(challenge), expiresAt)) {
            throw used();
        }
    }

    private static BulkSenderRefusedException used() {
        return new BulkSenderRefusedException(BulkSenderRefusedException.Reason.CHALLENGE_USED,
                "The challenge has granted a proof already: ask for a new one.");
    }

    private byte[] mac(String account, byte[] challenge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] number = account.getBytes(StandardCharsets.US_ASCII);
            mac.update(MAC_LABEL);
            mac.update((byte) 0);
            mac.update((byte) number.length);
            mac.update(number);
            mac.update(challenge, 0, SIGNED_BYTES);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform supports HmacSHA256", e);
        }
    }

    /** SHA-256 of a label and the challenge: 32 bytes, as the request nonces' pair digests, and never one of them. */
    private static byte[] spentDigest(byte[] challenge) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(SPENT_LABEL);
            sha256.update((byte) 0);
            return sha256.digest(challenge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform supports SHA-256", e);
        }
    }
}
