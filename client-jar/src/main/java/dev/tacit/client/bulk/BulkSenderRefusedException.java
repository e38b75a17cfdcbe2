package dev.tacit.client.bulk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.tacit.client.ProblemResponseException;

/**
 * The server refused a bulk-sender request (docs/protocol.md §4.26–§4.28) with one of the problem types
 * {@code urn:tacit:problem:bulk-sender-...}; {@link #reason()} says which.
 */
public final class BulkSenderRefusedException extends ProblemResponseException {

    private static final long serialVersionUID = 1L;

    static final String TYPE_PREFIX = "urn:tacit:problem:bulk-sender-";

    /** Why; each is a problem type {@code urn:tacit:problem:bulk-sender-<reason in lower case, with hyphens>}. */
    public enum Reason {
        /** The server has no trust anchors for bulk senders. */
        NOT_OFFERED,
        /** The challenge is malformed, not this server's, or another account's. */
        INVALID_CHALLENGE,
        /** The challenge expired: ask for a new one. */
        CHALLENGE_EXPIRED,
        /** The challenge granted a proof before. */
        CHALLENGE_USED,
        /** The chain does not decode, is too long, its leaf's key is of an unsupported kind or may not sign, or it
         * breaks another rule of the path. */
        INVALID_CHAIN,
        /** The signature is not the leaf key's signature of the challenge for this account. */
        INVALID_SIGNATURE,
        /** The chain leads to none of the server's trust anchors. */
        UNTRUSTED_CERTIFICATE,
        /** A certificate of the chain lacks the required policy. */
        POLICY_MISSING,
        /** A certificate of the chain has expired, or is not valid yet, by the server's clock. */
        CERTIFICATE_EXPIRED,
        /** A certificate of the chain is revoked by its CA. */
        CERTIFICATE_REVOKED,
        /** The operator revoked a grant of this certificate. */
        CERTIFICATE_BARRED,
        /** A CA's CRL or OCSP responder gave no usable answer; try again later. */
        REVOCATION_UNKNOWN,
        /** A token request does not decode or is not for the key that signs now. */
        INVALID_TOKEN_REQUEST,
        /** The account has never been granted. */
        NO_GRANT,
        /** The grant's certificate chain has expired. */
        GRANT_EXPIRED,
        /** The operator revoked the grant. */
        GRANT_REVOKED;

        /** The problem type of this reason. */
        public String type() {
            return TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Reason> ofType(String type) {
            return Arrays.stream(values()).filter(reason -> reason.type().equals(type)).findFirst();
        }
    }

    private final Reason reason;

    private BulkSenderRefusedException(ProblemResponseException problem, Reason reason) {
        super(problem);
        this.reason = reason;
    }

    /** The typed form of {@code problem}, if its type is one of the bulk senders'; else {@code problem} itself. */
    static ProblemResponseException of(ProblemResponseException problem) {
        return Reason.ofType(problem.type()).<ProblemResponseException>map(
                reason -> new BulkSenderRefusedException(problem, reason)).orElse(problem);
    }

    public Reason reason() {
        return reason;
    }
}
