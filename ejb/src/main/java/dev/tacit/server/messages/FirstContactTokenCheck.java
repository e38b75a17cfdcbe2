package dev.tacit.server.messages;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.ChallengeMismatchException;
import dev.tacit.crypto.token.InvalidTokenSignatureException;
import dev.tacit.crypto.token.RedemptionContext;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenPurpose;
import dev.tacit.crypto.token.TokenVerifier;
import dev.tacit.crypto.token.UnknownTokenKeyException;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.tokens.TokenIssuerKeys;

/**
 * Checks that a token is a first-contact token of this server (docs/protocol.md §2.1.5 step 4, §4.12): well formed,
 * fetched for this server's first-contact challenge (its issuer_name, origin {@code first-contact}, no redemption
 * context), under a first-contact key that still verifies, with a valid authenticator. Whether it was spent is
 * the store's business.
 */
@ApplicationScoped
public class FirstContactTokenCheck {

    @Inject
    TokenIssuerKeys issuerKeys;

    @Inject
    TacitSettings settings;

    /** A token that checked out, with the moment its key stops verifying. */
    public record CheckedToken(SpentTokenId id, Instant keyVerifiesUntil) {
    }

    /** @throws InvalidTokenException naming what is wrong with it */
    public CheckedToken check(byte[] encoded) {
        Token token;
        try {
            token = Token.decode(encoded);
        } catch (MalformedEncodingException e) {
            throw new InvalidTokenException("the token is malformed: " + e.getMessage());
        }
        TokenChallenge challenge = TokenChallenge.forPurpose(settings.publicOrigin().authority(),
                TokenPurpose.FIRST_CONTACT, RedemptionContext.none());
        try {
            new TokenVerifier(issuerKeys.verificationKeys()).verify(token, challenge);
        } catch (ChallengeMismatchException e) {
            throw new InvalidTokenException("the token was not fetched for this server's first contacts");
        } catch (UnknownTokenKeyException e) {
            throw new InvalidTokenException("the token's key is unknown or no longer accepted");
        } catch (InvalidTokenSignatureException e) {
            throw new InvalidTokenException("the token's authenticator does not verify");
        }
        Instant verifiesUntil = issuerKeys.published().stream()
                .filter(key -> key.publicKey().keyId().equals(token.keyId()))
                .map(TokenIssuerKeys.PublishedIssuerKey::verifiesUntil)
                .findFirst()
                .orElseThrow(() -> new InvalidTokenException("the token's key is unknown or no longer accepted"));
        return new CheckedToken(SpentTokenId.of(token), verifiesUntil);
    }
}
