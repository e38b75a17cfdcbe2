package dev.tacit.web;

/**
 * Names the OpenAPI descriptions on the resources share with {@code META-INF/openapi.yaml}, which defines the
 * components they refer to. The document is served at {@code /openapi}; docs/protocol.md stays normative.
 */
public final class ApiDocs {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** The problem details schema, and the {@code default} response carrying it (§4.1). */
    public static final String PROBLEM = "Problem";
    /** Shared responses: 401 unauthenticated (§5.3), 429 rate-limited with Retry-After by a verification limit
     * (§4.5, §4.6) or the account's limit on signed requests (§5.3), 413 content-too-large (§4.1), and 400 of
     * a key replacement (§4.9). */
    public static final String UNAUTHENTICATED = "Unauthenticated";
    public static final String RATE_LIMITED = "RateLimited";
    public static final String SIGNED_REQUESTS_LIMITED = "SignedRequestsLimited";
    public static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    public static final String INVALID_KEY_REPLACEMENT = "InvalidKeyReplacement";
    /** 429 rate-limited with Retry-After: the window's discovery allowance is spent (§4.10). */
    public static final String DISCOVERY_ALLOWANCE_SPENT = "DiscoveryAllowanceSpent";
    /** 429 reputation-cap-reached with Retry-After: the period's tokens for stamps are granted (§4.24). */
    public static final String REPUTATION_CAP_REACHED = "ReputationCapReached";
    /** 429 rate-limited with Retry-After: the period's bulk-sender allowance is spent (§4.28). */
    public static final String BULK_SENDER_ALLOWANCE_SPENT = "BulkSenderAllowanceSpent";
    /** The RFC 9530 {@code Content-Digest} header of a signed request with content (§5.1). */
    public static final String CONTENT_DIGEST = "ContentDigest";
    /** The security schemes of the request signature (§5): both headers are required together. */
    public static final String SIGNATURE = "signature";
    public static final String SIGNATURE_INPUT = "signatureInput";

    public static final String TAG_INSTALLATION = "installation";
    public static final String TAG_REGISTRATION = "registration";
    public static final String TAG_ACCOUNT = "account";
    public static final String TAG_DISCOVERY = "discovery";
    public static final String TAG_MESSAGES = "messages";
    public static final String TAG_REPUTATION = "reputation";
    public static final String TAG_BULK_SENDERS = "bulk senders";

    private ApiDocs() {
    }
}
