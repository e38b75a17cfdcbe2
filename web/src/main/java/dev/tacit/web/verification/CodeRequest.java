package dev.tacit.web.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/verification/code}.
 *
 * @param number the phone number in international format, starting with {@code +}
 */
public record CodeRequest(@NotNull @Size(min = 2, max = 40) String number) {
}
