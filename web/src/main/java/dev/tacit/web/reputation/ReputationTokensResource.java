package dev.tacit.web.reputation;

import java.time.Instant;
import java.util.ArrayList;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenRequest;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.reputation.InvalidReputationRequestException;
import dev.tacit.server.reputation.ReputationService;
import dev.tacit.web.ApiDocs;
import dev.tacit.web.content.BinaryMembers;

/**
 * {@code POST /v1/account/reputation-tokens}: the signed-in account redeems reputation stamps for a first-contact
 * token (docs/protocol.md §4.24). Authenticated by the request signature (§5), like all of {@code /v1/account}.
 */
@Path("account/reputation-tokens")
@RequestScoped
@Tag(name = ApiDocs.TAG_REPUTATION)
@SecurityRequirementsSet({@SecurityRequirement(name = ApiDocs.SIGNATURE),
        @SecurityRequirement(name = ApiDocs.SIGNATURE_INPUT)})
public class ReputationTokensResource {

    private static final BinaryMembers MEMBERS = BinaryMembers.refusedWith(InvalidReputationRequestException::new);

    /** The most stamps a request may carry: {@code tacit.reputation.stamps-per-token} is at most this. */
    static final int MAX_STAMPS = 100;

    @Inject
    ReputationService reputation;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reputationTokens", summary = "Redeem reputation stamps for a first-contact token",
            description = "docs/protocol.md §4.24: exactly the configured number of unspent stamps and one"
                    + " TokenRequest for the first-contact key that signs now; in one transaction the stamps are"
                    + " spent, the period's grant counted and the request blind-signed. Signed (§5).")
    @Parameter(ref = ApiDocs.CONTENT_DIGEST)
    @APIResponse(responseCode = "200", description = "The first-contact token's blind signature.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Redeemed.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-reputation-request"
                    + " (member in field: stamps, stamps[i] or tokenRequest), urn:tacit:problem:invalid-request (a"
                    + " member missing, of the wrong type or too long), or about:blank (unreadable JSON). Nothing is"
                    + " counted or spent.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "409", description = "Problem type urn:tacit:problem:stamp-already-spent (field"
                    + " stamps[i], the stamp spent before). Nothing is counted or spent.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.REPUTATION_CAP_REACHED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public Redeemed redeem(@NotNull @Valid Redemption redemption) {
        List<byte[]> stamps = new ArrayList<>(redemption.stamps().size());
        for (int i = 0; i < redemption.stamps().size(); i++) {
            stamps.add(MEMBERS.decode("stamps[" + i + "]", redemption.stamps().get(i)));
        }
        ReputationService.Redeemed redeemed = reputation.redeem(security.getUserPrincipal().getName(), stamps,
                MEMBERS.decode("tokenRequest", redemption.tokenRequest()));
        return new Redeemed(Base64Url.encode(redeemed.tokenResponse().encode()), redeemed.grantsLeft(),
                redeemed.periodEnd());
    }

    /**
     * @param stamps       exactly {@code tacit.reputation.stamps-per-token} unspent stamps (§2.1.4)
     * @param tokenRequest a TokenRequest (§2.1.4) for the first-contact key that signs now
     */
    public record Redemption(
            @NotNull @Size(min = 1, max = MAX_STAMPS)
            List<@NotNull @Size(max = 2 * Token.LENGTH) @Pattern(regexp = Base64Url.PATTERN) String> stamps,
            @NotNull @Size(max = 2 * TokenRequest.LENGTH) @Pattern(regexp = Base64Url.PATTERN) String tokenRequest) {
    }

    /**
     * @param tokenResponse the blind signature (§2.1.4) of the token request
     * @param grantsLeft    how many more tokens the account may obtain for stamps in this period
     * @param periodEnd     when the period ends and its grants start afresh
     */
    public record Redeemed(String tokenResponse, int grantsLeft, Instant periodEnd) {
    }
}
