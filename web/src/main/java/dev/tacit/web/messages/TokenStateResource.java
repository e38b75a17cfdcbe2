package dev.tacit.web.messages;

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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.messages.FirstContactTokenService;
import dev.tacit.web.ApiDocs;

/** {@code /v1/first-contact-tokens}: a token's holder asks about it and exchanges it, anonymously (§4.17, §4.18). */
@Path("first-contact-tokens")
@RequestScoped
@Tag(name = ApiDocs.TAG_MESSAGES)
public class TokenStateResource {

    @Inject
    FirstContactTokenService tokens;

    /** {@code POST /v1/first-contact-tokens/state}. */
    @POST
    @Path("state")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "tokenState", summary = "What became of a first-contact token",
            description = "docs/protocol.md §4.17: anonymous. The holder presents its token and learns its state:"
                    + " unknown (never spent), attached, releasing, released, refreshed or burned.")
    @APIResponse(responseCode = "200", description = "The token's state.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = State.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-token,"
                    + " urn:tacit:problem:invalid-message-request, urn:tacit:problem:invalid-request or about:blank"
                    + " (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public State state(@NotNull @Valid TokenQuery query) {
        return new State(tokens.state(MessageMember.decode("token", query.token())).wireName());
    }

    /** {@code POST /v1/first-contact-tokens/refresh}. */
    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "refreshToken", summary = "Exchange a released token for a new one",
            description = "docs/protocol.md §4.18: anonymous. A released first-contact token and a TokenRequest for"
                    + " the key that signs now give a TokenResponse, once; the old token is refreshed for good.")
    @APIResponse(responseCode = "200", description = "The blind signature of the new token.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Refreshed.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-token,"
                    + " urn:tacit:problem:invalid-message-request (tokenRequest), urn:tacit:problem:invalid-request"
                    + " or about:blank (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "409", description = "Problem type urn:tacit:problem:token-not-refreshable (member"
                    + " tokenState): the token is not released, or was exchanged before.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public Refreshed refresh(@NotNull @Valid Refresh refresh) {
        return new Refreshed(Base64Url.encode(tokens.refresh(MessageMember.decode("token", refresh.token()),
                MessageMember.decode("tokenRequest", refresh.tokenRequest())).encode()));
    }

    public record TokenQuery(@NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String token) {
    }

    public record State(String state) {
    }

    public record Refresh(@NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String token,
                          @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String tokenRequest) {
    }

    public record Refreshed(String tokenResponse) {
    }
}
