package dev.tacit.web.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/verification/confirm}.
 *
 * @param number    the phone number the code was sent to, in international format
 * @param code      the six digits of the text message
 * @param sendProof the send proof {@code POST /v1/verification/code} answered with that text
 */
public record ConfirmationRequest(
        @NotNull @Size(min = 2, max = 40) String number,
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be six digits") String code,
        @NotNull @Size(min = 1, max = 128) String sendProof) {
}
