package dev.tacit.server.tokens;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.IssuerKeyPair;
import dev.tacit.crypto.token.IssuerKeyRing;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.server.keys.RotatingKeyRecord;
import dev.tacit.server.keys.RotatingKeys;
import dev.tacit.server.settings.TacitSettings;

/**
 * The server's token-issuer keys (docs/protocol.md §2.1, §4.3): RSA-2048, rotated by {@link RotatingKeys}.
 * Tokens stay spendable long after their key stops signing, since a token obtained at registration may be
 * spent, released and spent again for years.
 */
@Singleton
@Startup
@DependsOn("KeyEncryptionKeyCheck") // the key-encryption key is confirmed before any key is opened
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the state is immutable and replaced whole
public class TokenIssuerKeys {

    static final String PURPOSE = "token-issuer";

    @Inject
    RotatingKeys rotatingKeys;

    @Inject
    TacitSettings settings;

    private final SecureRandom random = new SecureRandom();
    private volatile State current;

    /** The key that blind-signs now. */
    public IssuerKeyPair signingKey() {
        return current.signingKey();
    }

    /** Every key whose tokens are accepted now. */
    public IssuerKeyRing verificationKeys() {
        return current.verificationKeys();
    }

    /** Every key whose tokens are accepted now, with the moment it starts signing, oldest first. */
    public List<PublishedIssuerKey> published() {
        return current.published();
    }

    @PostConstruct
    @Schedule(hour = "*", minute = "7", persistent = false)
    void refresh() {
        RotatingKeys.Rotation rotation = rotatingKeys.refresh(PURPOSE,
                new RotatingKeys.Lifetime(settings.tokens().signingPeriod(), settings.tokens().verificationPeriod()),
                this::generate);
        List<PublishedIssuerKey> published = rotation.verifying().stream()
                .map(key -> new PublishedIssuerKey(decodePublic(key), key.signsFrom(), key.verifiesUntil()))
                .toList();
        current = new State(openSigningKey(rotation.signing()),
                IssuerKeyRing.of(published.stream().map(PublishedIssuerKey::publicKey).toList()), published);
    }

    private RotatingKeys.NewKey generate(Instant signsFrom) {
        IssuerKeyPair key = IssuerKeyPair.generate(random);
        return new RotatingKeys.NewKey(key.publicKey().keyId().encode(), key.publicKey().encode(),
                key.encodePkcs8(InsecureSecretKeyAccess.get()));
    }

    private IssuerKeyPair openSigningKey(RotatingKeyRecord record) {
        try {
            return IssuerKeyPair.decodePkcs8(rotatingKeys.openPrivatePart(record));
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored token-issuer private key does not decode", e);
        }
    }

    private static IssuerPublicKey decodePublic(RotatingKeyRecord record) {
        try {
            return IssuerPublicKey.decode(record.publicPart());
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored token-issuer public key does not decode", e);
        }
    }

    /** A token-issuer public key as clients see it. */
    public record PublishedIssuerKey(IssuerPublicKey publicKey, Instant signsFrom, Instant verifiesUntil) {
    }

    private record State(IssuerKeyPair signingKey, IssuerKeyRing verificationKeys, List<PublishedIssuerKey> published) {
    }
}
