package dev.tacit.web.messages;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tacit.crypto.wire.Base64Url;

/**
 * {@code POST /v1/messages} (docs/protocol.md §4.12): the recipient, the sealed envelope, and exactly one
 * authorisation: a first-contact {@code token}, or a {@code groupSignature} with its {@code timestamp}. The
 * envelope's length is bounded by the endpoint's content bound, then checked against the padding buckets.
 */
public record SendRequest(
        @NotNull @Size(max = 16) String recipient,
        @NotNull @Pattern(regexp = Base64Url.PATTERN) String envelope,
        @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String token,
        @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String groupSignature,
        Long timestamp) {
}
