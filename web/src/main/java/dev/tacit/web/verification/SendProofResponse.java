package dev.tacit.web.verification;

import java.time.Instant;

import dev.tacit.server.verification.IssuedSendProof;

/**
 * Answer of {@code POST /v1/verification/code}.
 *
 * @param sendProof proof of the send, opaque to the client, which presents it with the texted code
 * @param expiresAt when the proof, and the code texted with it, stop being accepted
 */
public record SendProofResponse(String sendProof, Instant expiresAt) {

    static SendProofResponse of(IssuedSendProof proof) {
        return new SendProofResponse(proof.proof(), proof.expiresAt());
    }

    @Override
    public String toString() {
        return "SendProofResponse[expiresAt=" + expiresAt + "]";
    }
}
