package dev.tacit.server.bulk;

import java.util.Locale;

import jakarta.ejb.ApplicationException;

/**
 * A bulk-sender request refused, with the reason (docs/protocol.md §4.26–§4.28): nothing was stored, counted or
 * signed. The message is for a human and names certificates by position in the chain, never an account.
 */
@ApplicationException(rollback = true)
public class BulkSenderRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, with the HTTP status and the problem type ({@code urn:tacit:problem:bulk-sender-...}) it is answered with. */
    public enum Reason {
        NOT_OFFERED(404, "Bulk senders not offered"),
        INVALID_CHALLENGE(400, "Invalid bulk-sender challenge"),
        CHALLENGE_EXPIRED(400, "Bulk-sender challenge expired"),
        CHALLENGE_USED(409, "Bulk-sender challenge used"),
        INVALID_CHAIN(400, "Invalid certificate chain"),
        INVALID_SIGNATURE(400, "Invalid bulk-sender proof signature"),
        UNTRUSTED_CERTIFICATE(403, "Untrusted certificate"),
        POLICY_MISSING(403, "Certificate policy missing"),
        CERTIFICATE_EXPIRED(403, "Certificate expired"),
        CERTIFICATE_REVOKED(403, "Certificate revoked"),
        CERTIFICATE_BARRED(403, "Certificate barred"),
        REVOCATION_UNKNOWN(502, "Revocation status unknown"),
        INVALID_TOKEN_REQUEST(400, "Invalid bulk-sender token request"),
        NO_GRANT(403, "No bulk-sender grant"),
        GRANT_EXPIRED(403, "Bulk-sender grant expired"),
        GRANT_REVOKED(403, "Bulk-sender grant revoked");

        private final int status;
        private final String title;

        Reason(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        /** The problem type's name after {@code urn:tacit:problem:}. */
        public String slug() {
            return "bulk-sender-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public BulkSenderRefusedException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
