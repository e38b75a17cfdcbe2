package dev.tacit.server.messages;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.IssuerKeyPair;
import dev.tacit.crypto.token.TokenRequest;
import dev.tacit.crypto.token.TokenResponse;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.tokens.RotatingIssuerKeys;
import dev.tacit.server.tokens.StampIssuerKeys;
import dev.tacit.server.tokens.TokenIssuerKeys;

/**
 * The life of a first-contact token after it paid for a first message (docs/protocol.md §4.15–§4.18): its
 * recipient releases it (now, or at a random later time) or reports it as spam; its holder asks, anonymously,
 * what became of it, and exchanges a released token once for a fresh blind signature, since spending the same
 * token value again would link two first contacts to one sender.
 */
@Stateless
public class FirstContactTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    FirstContactTokenStore tokens;

    @Inject
    FirstContactTokenCheck tokenCheck;

    @Inject
    TokenIssuerKeys issuerKeys;

    @Inject
    StampIssuerKeys stampKeys;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    /** When a release takes effect. */
    public enum ReleaseTime {
        /** At once. */
        NOW,
        /** At a random time in the configured window from now. */
        LATER
    }

    /**
     * Releases the token {@code account} holds under {@code handle}, now or at a random later time.
     *
     * @return when the release takes (or took) effect
     * @throws UnknownTokenHandleException if {@code account} holds no token, attached or releasing, under it
     */
    public Instant release(String account, TokenHandle handle, ReleaseTime when) {
        SpentTokenId token = tokens.lockHeld(account, handle);
        if (token == null) {
            throw new UnknownTokenHandleException();
        }
        Instant now = clock.instant();
        if (when == ReleaseTime.NOW) {
            executeRelease(token);
            return now;
        }
        Instant due = now.plus(randomDelay());
        tokens.scheduleRelease(token, due);
        return due;
    }

    /**
     * The state change of a release, one for both paths: a release "now" and the job that executes due releases
     * (process-delayed-releases, batch module). The token forgets its recipient and handle and may be exchanged by
     * its holder.
     *
     * @return false if it was no longer attached or releasing (released meanwhile by another node)
     */
    public boolean executeRelease(SpentTokenId token) {
        return executeReleases(List.of(token)) == 1;
    }

    /**
     * {@link #executeRelease} for several tokens at once, in one statement: what the job does with a chunk.
     *
     * @return how many were released
     */
    public int executeReleases(List<SpentTokenId> held) {
        return tokens.release(held);
    }

    /**
     * Up to {@code limit} releases due by {@code dueBy}, earliest first, locked until this transaction ends; rows
     * other transactions hold are skipped, so executions of the release job on any nodes never take the same
     * one. The job executes each through {@link #executeRelease} in the same transaction.
     */
    public List<SpentTokenId> lockDueReleases(Instant dueBy, int limit) {
        return tokens.lockDueReleases(dueBy, limit);
    }

    /**
     * Burns the token {@code account} holds under {@code handle} for good, and counts a spam report for the
     * day, linked to nothing.
     *
     * @throws UnknownTokenHandleException if {@code account} holds no token, attached or releasing, under it
     */
    public void reportSpam(String account, TokenHandle handle) {
        SpentTokenId token = tokens.lockHeld(account, handle);
        if (token == null || !tokens.burn(token)) {
            throw new UnknownTokenHandleException();
        }
        tokens.countSpamReport(clock.instant().atOffset(ZoneOffset.UTC).toLocalDate());
    }

    /**
     * What became of a token, asked by its holder.
     *
     * @throws InvalidTokenException if it is not an authentic first-contact token of a key that still verifies
     */
    public TokenState state(byte[] token) {
        return tokens.state(tokenCheck.check(token).id());
    }

    /**
     * Exchanges a released token for a blind signature on a new token request for the key that signs now: once.
     * With a stamp request, the same transaction also blind-signs a reputation stamp (§4.18, §4.24) with the stamp
     * key that signs now: one stamp per refreshed token, none for a refused refresh.
     *
     * @throws InvalidTokenException          if the old token is not an authentic first-contact token
     * @throws InvalidMessageRequestException if the token request or the stamp request is malformed or for another
     *                                        key ({@code tokenRequest}, {@code stampRequest})
     * @throws TokenNotRefreshableException   if the old token is not released (or was exchanged already)
     */
    public Refreshed refresh(byte[] token, byte[] tokenRequest, Optional<byte[]> stampRequest) {
        SpentTokenId old = tokenCheck.check(token).id();
        IssuerKeyPair signingKey = issuerKeys.signingKey();
        TokenRequest request = decodeRequest(issuerKeys, "tokenRequest", tokenRequest);
        Optional<TokenRequest> stamp = stampRequest.map(encoded -> decodeRequest(stampKeys, "stampRequest", encoded));
        if (!tokens.markRefreshed(old)) {
            throw new TokenNotRefreshableException(tokens.state(old));
        }
        return new Refreshed(blindSign(signingKey, "tokenRequest", request),
                stamp.map(stampRequest1 -> blindSign(stampKeys.signingKey(), "stampRequest", stampRequest1)));
    }

    /** A refresh's blind signatures: the new token's and, if one was asked for, a stamp's. */
    public record Refreshed(TokenResponse token, Optional<TokenResponse> stamp) {
    }

    private static TokenRequest decodeRequest(RotatingIssuerKeys keys, String field, byte[] encoded) {
        try {
            return keys.requestForSigningKey(encoded);
        } catch (MalformedEncodingException e) {
            throw new InvalidMessageRequestException(field, e.getMessage());
        }
    }

    private static TokenResponse blindSign(IssuerKeyPair key, String field, TokenRequest request) {
        try {
            return key.blindSign(request);
        } catch (CryptoException e) {
            throw new InvalidMessageRequestException(field, e.getMessage());
        }
    }

    private Duration randomDelay() {
        long min = settings.messages().releaseDelayMin().toSeconds();
        long max = settings.messages().releaseDelayMax().toSeconds();
        return Duration.ofSeconds(RANDOM.nextLong(min, max + 1));
    }
}
