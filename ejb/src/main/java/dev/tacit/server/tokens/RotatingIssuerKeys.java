package dev.tacit.server.tokens;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.ChallengeMismatchException;
import dev.tacit.crypto.token.InvalidTokenSignatureException;
import dev.tacit.crypto.token.IssuerKeyPair;
import dev.tacit.crypto.token.IssuerKeyRing;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenKeyId;
import dev.tacit.crypto.token.TokenRequest;
import dev.tacit.crypto.token.TokenVerifier;
import dev.tacit.crypto.token.UnknownTokenKeyException;
import dev.tacit.server.keys.RotatingKeyRecord;
import dev.tacit.server.keys.RotatingKeys;
import dev.tacit.server.settings.TacitSettings;

/**
 * Blind-RSA issuer keys of one purpose (docs/protocol.md §2.1, §4.3), RSA-2048, rotated by {@link RotatingKeys}:
 * one key signs at a time, and what each signed is accepted for its verification period. Each purpose is a
 * singleton of its own ({@link TokenIssuerKeys} for first contacts, {@link StampIssuerKeys} for reputation
 * stamps) whose keys sign nothing else, so a token's key id says what it may be spent on. The subclass refreshes
 * at start-up and hourly through {@link #refreshKeys()}.
 */
public abstract class RotatingIssuerKeys {

    @Inject
    RotatingKeys rotatingKeys;

    @Inject
    TacitSettings settings;

    private final SecureRandom random = new SecureRandom();
    private volatile State current;

    /** The purpose the keys are stored under in {@code rotating_key}. */
    protected abstract String purpose();

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

    /** Until when the tokens of the key {@code keyId} are accepted, if it is one of these keys that still verifies. */
    public Optional<Instant> verifiesUntil(TokenKeyId keyId) {
        return current.published().stream().filter(key -> key.publicKey().keyId().equals(keyId))
                .map(PublishedIssuerKey::verifiesUntil).findFirst();
    }

    /**
     * {@code encoded} as a TokenRequest (§2.1.4) for the key that signs now, ready to be blind-signed by
     * {@link #signingKey()}.
     *
     * @throws MalformedEncodingException if it does not decode, or names another key
     */
    public TokenRequest requestForSigningKey(byte[] encoded) throws MalformedEncodingException {
        TokenRequest request = TokenRequest.decode(encoded);
        if (request.truncatedKeyId() != signingKey().publicKey().keyId().truncated()) {
            throw new MalformedEncodingException("the token request is not for the key that signs now");
        }
        return request;
    }

    /**
     * Why {@code token} is not a token of these keys for {@code challenge}: a challenge other than the one it must
     * be fetched for, a key that is not one of these or no longer verifies, an authenticator that does not
     * verify (§2.1.5 step 4); empty if it checks out. Whether it was spent is the caller's business.
     */
    public Optional<String> refusal(Token token, TokenChallenge challenge) {
        try {
            new TokenVerifier(verificationKeys()).verify(token, challenge);
        } catch (ChallengeMismatchException e) {
            return Optional.of("it was not fetched for " + challenge.originNames() + " of this server");
        } catch (UnknownTokenKeyException e) {
            return Optional.of("its key is unknown or no longer accepted");
        } catch (InvalidTokenSignatureException e) {
            return Optional.of("its authenticator does not verify");
        }
        return verifiesUntil(token.keyId()).isPresent() ? Optional.empty()
                : Optional.of("its key is unknown or no longer accepted");
    }

    /** Makes sure a key signs now and its successor exists in time; call in a transaction. */
    protected void refreshKeys() {
        RotatingKeys.Rotation rotation = rotatingKeys.refresh(purpose(),
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
            throw new IllegalStateException("a stored " + purpose() + " private key does not decode", e);
        }
    }

    private IssuerPublicKey decodePublic(RotatingKeyRecord record) {
        try {
            return IssuerPublicKey.decode(record.publicPart());
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored " + purpose() + " public key does not decode", e);
        }
    }

    /** An issuer public key as clients see it. */
    public record PublishedIssuerKey(IssuerPublicKey publicKey, Instant signsFrom, Instant verifiesUntil) {
    }

    private record State(IssuerKeyPair signingKey, IssuerKeyRing verificationKeys, List<PublishedIssuerKey> published) {
    }
}
