package dev.tacit.client.bulk;

import java.time.Instant;
import java.util.Optional;

/**
 * A bulk-sender grant as the server answered it (docs/protocol.md §4.27).
 *
 * @param certificateSha256 base64url of the SHA-256 of the leaf certificate's DER
 * @param notAfter          when the grant ends: the earliest expiry of the chain's certificates
 * @param revokedAt         when the operator revoked it (only in the operator's listings)
 */
public record BulkSenderGrant(String certificateSha256, String subject, String issuer, Instant notAfter,
                              Instant grantedAt, Optional<Instant> revokedAt) {
}
