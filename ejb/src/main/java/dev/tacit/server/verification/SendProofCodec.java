package dev.tacit.server.verification;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * Issues and checks send proofs (docs/protocol.md §4.5): statements of kind 0x02 ({@link NumberClaimCodec})
 * whose nonce is the send's id and whose instant is when the code was sent; MAC'd under the send secret. The
 * server stores nothing about a send: the proof carries all of it back. A proof, and the code texted with
 * it, are valid for the code validity from that instant; being the server's setting, it is applied when the
 * proof comes back.
 */
final class SendProofCodec {

    private static final byte KIND = 2;

    private final NumberClaimCodec claims;

    SendProofCodec(byte[] secret, PhoneNumberNormalizer normalizer, SecureRandom random) {
        this.claims = new NumberClaimCodec(KIND, secret, normalizer, random, "send proof",
                InvalidSendProofException::new);
    }

    /** A new send to {@code number} at {@code now} (whole seconds), with a fresh send id. */
    NumberClaimCodec.Issued issue(NormalizedPhoneNumber number, Instant now) {
        return claims.issue(number, now);
    }

    /**
     * The send {@code proof} stands for, if it is authentic, for {@code number} and, at {@code now}, less than
     * {@code validity} old.
     *
     * @throws InvalidSendProofException unless the proof is well formed, authentic and for {@code number}
     * @throws ExpiredSendProofException if it is all that but {@code validity} has passed since the send
     */
    NumberClaim check(String proof, NormalizedPhoneNumber number, Instant now, Duration validity) {
        NumberClaim send = claims.open(proof);
        if (!send.number().equals(number)) {
            throw new InvalidSendProofException("the send proof is for another number");
        }
        if (!now.isBefore(send.instant().plus(validity))) {
            throw new ExpiredSendProofException();
        }
        return send;
    }
}
