package dev.tacit.web.bulk;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.TokenRequest;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.bulk.BulkSenderGrant;
import dev.tacit.server.bulk.BulkSenderRefusedException;
import dev.tacit.server.bulk.BulkSenderRefusedException.Reason;
import dev.tacit.server.bulk.BulkSenderService;
import dev.tacit.web.ApiDocs;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/account/bulk-sender/...}: the signed-in account proves it holds a certificate's key and then obtains
 * first-contact tokens from the bulk senders' allowance (docs/protocol.md §4.26–§4.28). Signed (§5).
 */
@Path("account/bulk-sender")
@RequestScoped
@Tag(name = ApiDocs.TAG_BULK_SENDERS)
@SecurityRequirementsSet({@SecurityRequirement(name = ApiDocs.SIGNATURE),
        @SecurityRequirement(name = ApiDocs.SIGNATURE_INPUT)})
public class BulkSenderResource {

    /** Longest base64url DER certificate accepted: 16 KiB of DER. */
    static final int MAX_CERTIFICATE_CHARACTERS = 21_848;

    @Inject
    BulkSenderService bulkSenders;

    @Context
    SecurityContext security;

    @POST
    @Path("challenge")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bulkSenderChallenge", summary = "Obtain a challenge to prove a certificate with",
            description = "docs/protocol.md §4.26: a fresh challenge bound to the account, to sign with the key of a"
                    + " certificate in a proof (§4.27). Signed (§5).")
    @APIResponse(responseCode = "200", description = "The challenge and when it expires.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChallengeResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", description = "Problem type urn:tacit:problem:bulk-sender-not-offered: this"
                    + " server has no trust anchors for bulk senders.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public ChallengeResponse challenge() {
        BulkSenderService.IssuedChallenge issued = bulkSenders.challenge(caller());
        return new ChallengeResponse(Base64Url.encode(issued.challenge()), issued.expiresAt());
    }

    @POST
    @Path("proof")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bulkSenderProof", summary = "Prove a certificate and become a bulk sender",
            description = "docs/protocol.md §4.27: the chain is validated (PKIX) to the operator's trust anchors with"
                    + " the required policy at the server's time, revocation checked as configured, and the signature"
                    + " by the leaf's key over the challenge for this account checked. Signed (§5).")
    @Parameter(ref = ApiDocs.CONTENT_DIGEST)
    @APIResponse(responseCode = "200", description = "The grant.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Grant.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:bulk-sender-invalid-challenge,"
                    + " urn:tacit:problem:bulk-sender-challenge-expired, urn:tacit:problem:bulk-sender-invalid-chain,"
                    + " urn:tacit:problem:bulk-sender-invalid-signature, urn:tacit:problem:invalid-request (a member"
                    + " missing, of the wrong type or too long) or about:blank (unreadable JSON). Nothing is stored.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = "Problem type urn:tacit:problem:bulk-sender-untrusted-certificate,"
                    + " urn:tacit:problem:bulk-sender-policy-missing, urn:tacit:problem:bulk-sender-certificate-expired,"
                    + " urn:tacit:problem:bulk-sender-certificate-revoked or"
                    + " urn:tacit:problem:bulk-sender-certificate-barred. Nothing is stored.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "404", description = "Problem type urn:tacit:problem:bulk-sender-not-offered.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "409", description = "Problem type urn:tacit:problem:bulk-sender-challenge-used: the"
                    + " challenge granted a proof before.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "502", description = "Problem type urn:tacit:problem:bulk-sender-revocation-unknown:"
                    + " a CA's CRL or OCSP responder gave no usable answer; try again later.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public Grant prove(@NotNull @Valid ProofRequest proof) {
        BulkSenderGrant grant = bulkSenders.prove(caller(), decode(Reason.INVALID_CHALLENGE, proof.challenge()),
                proof.certificateChain().stream().map(certificate -> decode(Reason.INVALID_CHAIN, certificate)).toList(),
                decode(Reason.INVALID_SIGNATURE, proof.signature()));
        return Grant.of(grant);
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bulkSenderTokens", summary = "Obtain first-contact tokens as a bulk sender",
            description = "docs/protocol.md §4.28: blind-signs, with the first-contact key that signs now, as many of"
                    + " the token requests as the grant has left of this period's allowance. Signed (§5).")
    @Parameter(ref = ApiDocs.CONTENT_DIGEST)
    @APIResponse(responseCode = "200", description = "Blind signatures for the first token requests, in order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokensResponse.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:bulk-sender-invalid-token-request"
                    + " (field tokenRequests), urn:tacit:problem:invalid-request or about:blank (unreadable JSON)."
                    + " Nothing is counted.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = "Problem type urn:tacit:problem:bulk-sender-no-grant,"
                    + " urn:tacit:problem:bulk-sender-grant-revoked or urn:tacit:problem:bulk-sender-grant-expired.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "404", description = "Problem type urn:tacit:problem:bulk-sender-not-offered.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.BULK_SENDER_ALLOWANCE_SPENT)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public TokensResponse tokens(@NotNull @Valid TokensRequest request) {
        BulkSenderService.IssuedTokens issued = bulkSenders.issue(caller(), request.tokenRequests().stream()
                .map(token -> decode(Reason.INVALID_TOKEN_REQUEST, token)).toList());
        return new TokensResponse(issued.responses().stream().map(response -> Base64Url.encode(response.encode()))
                .toList(), issued.periodEnd());
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    private static byte[] decode(Reason reason, String member) {
        try {
            return Base64Url.decode(member);
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            throw new BulkSenderRefusedException(reason, "A member is not base64url (§4).");
        }
    }

    /**
     * @param challenge        the challenge of §4.26
     * @param certificateChain DER certificates, leaf first, each base64url
     * @param signature        the leaf key's signature of the proof (§4.27)
     */
    public record ProofRequest(
            @NotNull @Size(max = 100) @Pattern(regexp = Base64Url.PATTERN) String challenge,
            @NotNull @Size(min = 1, max = 5)
            List<@NotNull @Size(max = MAX_CERTIFICATE_CHARACTERS) @Pattern(regexp = Base64Url.PATTERN) String> certificateChain,
            @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String signature) {
    }

    /** @param tokenRequests 1 to 100 TokenRequests (§2.1.4) for the first-contact key that signs now */
    public record TokensRequest(
            @NotNull @Size(min = 1, max = BulkSenderService.MAX_TOKEN_REQUESTS)
            List<@NotNull @Size(max = 2 * TokenRequest.LENGTH) @Pattern(regexp = Base64Url.PATTERN) String> tokenRequests) {
    }

    /** The answer to a challenge request. */
    public record ChallengeResponse(String challenge, Instant expiresAt) {
    }

    /** The answer to a token request: the blind signatures, and when the period's allowance starts afresh. */
    public record TokensResponse(List<String> tokenResponses, Instant periodEnd) {
    }

    /**
     * A grant as the account (and the operator, §6.3) sees it.
     *
     * @param certificateSha256 base64url of the SHA-256 of the leaf certificate's DER
     * @param revokedAt         absent unless the operator revoked it
     */
    public record Grant(long id, String account, String certificateSha256, String subject, String issuer,
                        Instant notAfter, Instant grantedAt, Instant revokedAt) {

        public static Grant of(BulkSenderGrant grant) {
            return new Grant(grant.id(), grant.account(), Base64Url.encode(grant.certificateSha256()), grant.subject(),
                    grant.issuer(), grant.notAfter(), grant.grantedAt(), grant.revokedAt().orElse(null));
        }
    }
}
