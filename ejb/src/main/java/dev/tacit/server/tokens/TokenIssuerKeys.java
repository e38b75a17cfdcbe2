package dev.tacit.server.tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.IssuerKeyPair;
import dev.tacit.crypto.token.IssuerKeyRing;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.server.keys.SecretSealer;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's token-issuer keys (docs/protocol.md §2.1): one signs at any time, and every key's tokens
 * keep verifying long after it stops signing, so a token issued once at registration stays spendable. The
 * successor of the signing key is created a week before it takes over, so every cluster member (each
 * refreshes hourly) knows it before the first token signed with it arrives.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the snapshot is immutable and replaced whole
public class TokenIssuerKeys {

    private static final Duration SUCCESSOR_LEAD_TIME = Duration.ofDays(7);

    @Inject
    TokenIssuerKeyStore store;

    @Inject
    SecretSealer sealer;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tacit.tokens.signing-period", defaultValue = "P180D")
    Duration signingPeriod;

    @Inject
    @ConfigProperty(name = "tacit.tokens.verification-period", defaultValue = "P730D")
    Duration verificationPeriod;

    private final SecureRandom random = new SecureRandom();
    private volatile Snapshot current;

    /** The key that blind-signs now. */
    public IssuerKeyPair signingKey() {
        return current.signingKey();
    }

    /** Every key whose tokens verify now. */
    public IssuerKeyRing verificationKeys() {
        return current.verificationKeys();
    }

    /** What clients need to request tokens: every verifying key with the time it starts signing. */
    public List<PublishedIssuerKey> published() {
        return current.published();
    }

    @PostConstruct
    @Schedule(hour = "*", minute = "7", persistent = false)
    void refresh() {
        Instant now = clock.instant();
        store.lockForGeneration();
        List<TokenIssuerKeyRecord> keys = new ArrayList<>(store.verifyingAt(now));
        Instant signingEnds = keys.stream().map(TokenIssuerKeyRecord::signsUntil).max(Instant::compareTo).orElse(now);
        if (!signingEnds.isAfter(now.plus(SUCCESSOR_LEAD_TIME))) {
            Instant signsFrom = signingEnds.isAfter(now) ? signingEnds : now;
            keys.add(generate(now, signsFrom));
        }
        current = Snapshot.of(keys, now, this::openPrivateKey);
    }

    private TokenIssuerKeyRecord generate(Instant now, Instant signsFrom) {
        IssuerKeyPair key = IssuerKeyPair.generate(random);
        byte[] keyId = key.publicKey().keyId().encode();
        TokenIssuerKeyRecord record = new TokenIssuerKeyRecord(keyId, key.publicKey().encode(),
                sealer.seal(sealedName(keyId), key.encodePkcs8()), now,
                signsFrom, signsFrom.plus(signingPeriod), signsFrom.plus(verificationPeriod));
        store.add(record);
        return record;
    }

    private IssuerKeyPair openPrivateKey(TokenIssuerKeyRecord record) {
        try {
            return IssuerKeyPair.decodePkcs8(sealer.open(sealedName(record.keyId()), record.sealedPrivateKey()));
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("stored token-issuer key " + HexFormat.of().formatHex(record.keyId())
                    + " does not decode", e);
        }
    }

    private static String sealedName(byte[] keyId) {
        return "token-issuer-key:" + HexFormat.of().formatHex(keyId);
    }

    /** A token-issuer public key as clients see it. */
    public record PublishedIssuerKey(IssuerPublicKey publicKey, Instant signsFrom, Instant verifiesUntil) {
    }

    private record Snapshot(IssuerKeyPair signingKey, IssuerKeyRing verificationKeys, List<PublishedIssuerKey> published) {

        static Snapshot of(List<TokenIssuerKeyRecord> keys, Instant now,
                           java.util.function.Function<TokenIssuerKeyRecord, IssuerKeyPair> opener) {
            Optional<TokenIssuerKeyRecord> signing = keys.stream()
                    .filter(k -> !k.signsFrom().isAfter(now) && k.signsUntil().isAfter(now))
                    .reduce((earlier, later) -> later);
            List<PublishedIssuerKey> published = new ArrayList<>();
            for (TokenIssuerKeyRecord key : keys) {
                published.add(new PublishedIssuerKey(decodePublic(key), key.signsFrom(), key.verifiesUntil()));
            }
            return new Snapshot(
                    opener.apply(signing.orElseThrow(() -> new IllegalStateException("no token-issuer key signs now"))),
                    IssuerKeyRing.of(published.stream().map(PublishedIssuerKey::publicKey).toList()),
                    List.copyOf(published));
        }

        private static IssuerPublicKey decodePublic(TokenIssuerKeyRecord key) {
            try {
                return IssuerPublicKey.decode(key.publicKey());
            } catch (MalformedEncodingException e) {
                throw new IllegalStateException("a stored token-issuer public key does not decode", e);
            }
        }
    }
}
