package dev.tacit.server.messages;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.RedemptionContext;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenPurpose;
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
        Optional<String> refusal = issuerKeys.refusal(token, challenge);
        if (refusal.isPresent()) {
            throw new InvalidTokenException("the token is refused: " + refusal.get());
        }
        return new CheckedToken(SpentTokenId.of(token), issuerKeys.verifiesUntil(token.keyId()).orElseThrow());
    }
}
