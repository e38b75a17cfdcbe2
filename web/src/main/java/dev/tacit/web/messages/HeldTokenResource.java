package dev.tacit.web.messages;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.messages.FirstContactTokenService;
import dev.tacit.server.messages.TokenHandle;
import dev.tacit.server.messages.UnknownTokenHandleException;
import dev.tacit.web.ApiDocs;

/**
 * {@code /v1/account/first-contact-tokens/{handle}}: the tokens that paid for first contacts to the signed-in
 * account, by the handles its mailbox showed (docs/protocol.md §4.15, §4.16).
 */
@Path("account/first-contact-tokens/{handle}")
@RequestScoped
@Tag(name = ApiDocs.TAG_MESSAGES)
@SecurityRequirementsSet({@SecurityRequirement(name = ApiDocs.SIGNATURE),
        @SecurityRequirement(name = ApiDocs.SIGNATURE_INPUT)})
public class HeldTokenResource {

    @Inject
    FirstContactTokenService tokens;

    @Context
    SecurityContext security;

    /** {@code POST .../release}: the first contact was welcome; its sender gets its token back (as a new one). */
    @POST
    @Path("release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "releaseToken", summary = "Release the token of a first contact",
            description = "docs/protocol.md §4.15: now, or at a random time in the server's release window. Only the"
                    + " account the token is attached to. Signed (§5).")
    @Parameter(ref = ApiDocs.CONTENT_DIGEST)
    @APIResponse(responseCode = "200", description = "Released, or to be released at releasesAt.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Released.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-request or about:blank"
                    + " (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", description = "Problem type urn:tacit:problem:unknown-token-handle: this account"
                    + " holds no attached or releasing token under the handle.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public Released release(@PathParam("handle") String handle, @NotNull @Valid Release release) {
        FirstContactTokenService.ReleaseTime when = "now".equals(release.at())
                ? FirstContactTokenService.ReleaseTime.NOW : FirstContactTokenService.ReleaseTime.LATER;
        return new Released(tokens.release(caller(), handle(handle), when));
    }

    /** {@code POST .../spam}: the first contact was spam; its token is burned. */
    @POST
    @Path("spam")
    @Operation(operationId = "reportSpam", summary = "Report a first contact as spam",
            description = "docs/protocol.md §4.16: burns the token for good and counts one report, linked to no"
                    + " account. Only the account the token is attached to. Signed (§5).")
    @APIResponse(responseCode = "204", description = "Burned.")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", description = "Problem type urn:tacit:problem:unknown-token-handle: this account"
                    + " holds no attached or releasing token under the handle.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public void reportSpam(@PathParam("handle") String handle) {
        tokens.reportSpam(caller(), handle(handle));
    }

    private static TokenHandle handle(String encoded) {
        try {
            return TokenHandle.of(Base64Url.decode(encoded));
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            throw new UnknownTokenHandleException();
        }
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    /** When the release takes effect: {@code now} or {@code later} (a random time in the server's window). */
    public record Release(@NotNull @Pattern(regexp = "now|later") String at) {
    }

    /** When the token is (or was) released. */
    public record Released(Instant releasesAt) {
    }
}
