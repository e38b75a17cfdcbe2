package dev.tacit.server.bulk;

import java.time.Instant;
import java.util.Optional;

/**
 * A bulk-sender grant (docs/protocol.md §4.27): the account that proved, the certificate it proved with (the
 * SHA-256 of the leaf's DER, its subject and issuer), until when it holds (the earliest expiry of the chain's
 * certificates), when it was granted, and when the operator revoked it, if it did.
 */
public record BulkSenderGrant(long id, String account, byte[] certificateSha256, String subject, String issuer,
                              Instant notAfter, Instant grantedAt, Optional<Instant> revokedAt) {

    public BulkSenderGrant {
        certificateSha256 = certificateSha256.clone();
    }

    @Override
    public byte[] certificateSha256() {
        return certificateSha256.clone();
    }
}
