package dev.tacit.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.tacit.http.signature.VerifiedRequest;
import dev.tacit.server.accounts.AccountService;
import dev.tacit.server.limits.AbuseCounterStore;
import dev.tacit.server.limits.Allowance;
import dev.tacit.server.limits.AllowanceSpentException;
import dev.tacit.server.limits.Allowances;
import dev.tacit.server.settings.TacitSettings;

/**
 * What the server does with a request whose signature verified (docs/protocol.md §5.3 steps 1–7), before it
 * acts on it: records its nonce, refusing a replay (step 8), then counts it against its account's limit on
 * signed requests (step 9), and records the account's activity for its registration lock (§4.7). All in
 * PostgreSQL: the nonce and the activity in this transaction, the count in the abuse counters
 * ({@link AbuseCounterStore}), which commit on their own. Requests that failed verification never get here,
 * so unauthenticated traffic can neither fill the nonce table nor spend an account's allowance.
 */
@Stateless
public class SignedRequestAdmission {

    /** The answer to one verified request. */
    public sealed interface Admission {
    }

    /** The request may proceed, as its account. */
    public record Admitted() implements Admission {
    }

    /** The (keyid, nonce) pair was accepted before: a replay. */
    public record Replayed() implements Admission {
    }

    /** The account's allowance for the current window is spent; {@code retryAfter} is at least a second. */
    public record RateLimited(Duration retryAfter) implements Admission {
    }

    /** The name of the per-account allowance of signed requests among the abuse counters. */
    static final String ALLOWANCE = "signed-requests-per-account";

    @Inject
    RequestNonceStore nonces;

    @Inject
    AbuseCounterStore counters;

    @Inject
    Allowances allowances;

    @Inject
    AccountService accounts;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    public Admission admit(VerifiedRequest request) {
        if (!nonces.record(pairDigest(request.keyId(), request.nonce()), request.acceptedUntil())) {
            return new Replayed();
        }
        Instant now = clock.instant();
        TacitSettings.SignedRequests limit = settings.signedRequests();
        Allowance allowance = allowances.inFixedWindow(ALLOWANCE, request.keyId(), limit.perAccount(), limit.period(), now);
        try {
            counters.useAll(List.of(allowance));
        } catch (AllowanceSpentException e) {
            return new RateLimited(allowance.remainingAfter(now));
        }
        accounts.recordActivity(request.keyId());
        return new Admitted();
    }

    /**
     * The key a (keyid, nonce) pair is recorded under: SHA-256(keyid || 0x00 || nonce), both ASCII, so that
     * the nonce table holds no phone number; the zero byte, in neither, keeps the pair unambiguous.
     */
    static byte[] pairDigest(String keyId, String nonce) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(keyId.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) 0);
            return sha256.digest(nonce.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
