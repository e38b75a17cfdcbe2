package dev.tacit.web.discovery;

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

import dev.tacit.crypto.token.TokenRequest;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.discovery.DiscoveryService;
import dev.tacit.web.ApiDocs;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.tacit.web.content.BinaryMembers;
import dev.tacit.server.discovery.InvalidDiscoveryRequestException;

/**
 * {@code POST /v1/account/discovery-tokens}: the signed-in account's allowance of discovery tokens for the
 * current window (docs/protocol.md §4.10). Authenticated by the request signature (§5), like all of
 * {@code /v1/account}.
 */
@Path("account/discovery-tokens")
@RequestScoped
@Tag(name = ApiDocs.TAG_DISCOVERY)
@SecurityRequirementsSet({@SecurityRequirement(name = ApiDocs.SIGNATURE),
        @SecurityRequirement(name = ApiDocs.SIGNATURE_INPUT)})
public class DiscoveryTokensResource {

    private static final BinaryMembers MEMBERS = BinaryMembers.refusedWith(InvalidDiscoveryRequestException::new);

    @Inject
    DiscoveryService discovery;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "discoveryTokens", summary = "Obtain discovery tokens for the current window",
            description = "docs/protocol.md §4.10: blind-signs, with the current window's discovery key, as many of"
                    + " the token requests as the account has left of the window's allowance. Signed (§5).")
    @Parameter(ref = ApiDocs.CONTENT_DIGEST)
    @APIResponse(responseCode = "200", description = "Blind signatures for the first token requests, in order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AllowanceResponse.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-discovery-request"
                    + " (member in field: a token request that does not decode or is not for the current window's"
                    + " key), urn:tacit:problem:invalid-request (a member missing, of the wrong type or too long),"
                    + " or about:blank (unreadable JSON). Nothing is counted.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.DISCOVERY_ALLOWANCE_SPENT)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public AllowanceResponse obtain(@NotNull @Valid AllowanceRequest request) {
        DiscoveryService.IssuedTokens issued = discovery.issue(security.getUserPrincipal().getName(),
                request.tokenRequests().stream().map(token -> MEMBERS.decode("tokenRequests", token)).toList());
        return new AllowanceResponse(issued.responses().stream().map(response -> Base64Url.encode(response.encode()))
                .toList(), issued.window().start(), issued.window().end());
    }

    /** @param tokenRequests 1 to 100 TokenRequests (§2.1.4) blinded for the current window's discovery key */
    public record AllowanceRequest(
            @NotNull @Size(min = 1, max = DiscoveryService.MAX_PER_REQUEST)
            List<@NotNull @Size(max = 2 * TokenRequest.LENGTH) @Pattern(regexp = Base64Url.PATTERN) String> tokenRequests) {
    }

    /**
     * @param tokenResponses the blind signatures (§2.1.4) of the first token requests, in order
     * @param windowStart    the start of the window the tokens are for
     * @param windowEnd      its end: the allowance starts afresh, and these tokens stop being accepted soon after
     */
    public record AllowanceResponse(List<String> tokenResponses, Instant windowStart, Instant windowEnd) {
    }
}
