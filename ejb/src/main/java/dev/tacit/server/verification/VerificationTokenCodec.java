package dev.tacit.server.verification;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Issues and checks stateless verification tokens: statements of kind 0x01 ({@link NumberClaimCodec}) whose
 * instant is the token's expiry, MAC'd under the token secret.
 */
final class VerificationTokenCodec {

    private static final byte KIND = 1;

    private final NumberClaimCodec claims;

    VerificationTokenCodec(byte[] secret, PhoneNumberNormalizer normalizer, SecureRandom random) {
        this.claims = new NumberClaimCodec(KIND, secret, normalizer, random, "verification token",
                InvalidVerificationTokenException::new);
    }

    IssuedVerificationToken issue(NormalizedPhoneNumber number, Instant expiresAt) {
        NumberClaimCodec.Issued issued = claims.issue(number, expiresAt);
        return new IssuedVerificationToken(issued.text(), issued.claim().instant());
    }

    /**
     * @throws InvalidVerificationTokenException unless the token is well formed and its tag verifies
     * @throws ExpiredVerificationTokenException if it is authentic but {@code now} is at or past its expiry
     */
    VerifiedPhoneNumber check(String token, Instant now) {
        NumberClaim claim = claims.open(token);
        if (!now.isBefore(claim.instant())) {
            throw new ExpiredVerificationTokenException();
        }
        return new VerifiedPhoneNumber(claim.number(), claim.nonce(), claim.instant());
    }
}
