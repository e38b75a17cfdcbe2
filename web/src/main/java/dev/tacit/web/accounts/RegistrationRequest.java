package dev.tacit.web.accounts;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tacit.crypto.wire.Base64Url;

/**
 * {@code POST /v1/accounts} body (docs/protocol.md §4.7). Binary members are base64url without padding.
 *
 * @param verificationToken    from {@code POST /v1/verification/confirm}; absent in a request signed by the
 *                             account's identity key
 * @param certificationRequest DER PKCS#10 request for the identity key, CN = the verified number
 * @param envelopeKey          the signed X25519 envelope key (§3.3)
 * @param preKey               the signed X25519 ratchet pre-key (§3.3)
 * @param groupPublicKey       the account's BBS group public key (§2.2)
 * @param tokenRequests        exactly five Privacy Pass token requests (§2.1)
 */
public record RegistrationRequest(
        @Size(max = 1024) String verificationToken,
        @NotNull @Size(max = 4096) @Pattern(regexp = Base64Url.PATTERN) String certificationRequest,
        @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String envelopeKey,
        @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String preKey,
        @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String groupPublicKey,
        @NotNull @Size(min = 5, max = 5) List<@NotNull @Size(max = 512) @Pattern(regexp = Base64Url.PATTERN) String> tokenRequests) {
}
