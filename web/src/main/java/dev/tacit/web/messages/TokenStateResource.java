package dev.tacit.web.messages;

import java.util.Optional;

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
import dev.tacit.web.content.BinaryMembers;
import dev.tacit.server.messages.InvalidMessageRequestException;

/** {@code /v1/first-contact-tokens}: a token's holder asks about it and exchanges it, anonymously (§4.17, §4.18). */
@Path("first-contact-tokens")
@RequestScoped
@Tag(name = ApiDocs.TAG_MESSAGES)
public class TokenStateResource {

    private static final BinaryMembers MEMBERS = BinaryMembers.refusedWith(InvalidMessageRequestException::new);

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
        return new State(tokens.state(MEMBERS.decode("token", query.token())).wireName());
    }

    /** {@code POST /v1/first-contact-tokens/refresh}. */
    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "refreshToken", summary = "Exchange a released token for a new one",
            description = "docs/protocol.md §4.18: anonymous. A released first-contact token and a TokenRequest for"
                    + " the key that signs now give a TokenResponse, once; the old token is refreshed for good. With"
                    + " a stampRequest for the stamp key that signs now, the answer also carries a stampResponse, a"
                    + " reputation stamp's blind signature (§4.24).")
    @APIResponse(responseCode = "200", description = "The blind signature of the new token.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Refreshed.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-token,"
                    + " urn:tacit:problem:invalid-message-request (tokenRequest, stampRequest), urn:tacit:problem:invalid-request"
                    + " or about:blank (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "409", description = "Problem type urn:tacit:problem:token-not-refreshable (member"
                    + " tokenState): the token is not released, or was exchanged before.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public Refreshed refresh(@NotNull @Valid Refresh refresh) {
        FirstContactTokenService.Refreshed refreshed = tokens.refresh(MEMBERS.decode("token", refresh.token()),
                MEMBERS.decode("tokenRequest", refresh.tokenRequest()),
                Optional.ofNullable(refresh.stampRequest()).map(stamp -> MEMBERS.decode("stampRequest", stamp)));
        return new Refreshed(Base64Url.encode(refreshed.token().encode()),
                refreshed.stamp().map(stamp -> Base64Url.encode(stamp.encode())).orElse(null));
    }

    public record TokenQuery(@NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String token) {
    }

    public record State(String state) {
    }

    /**
     * @param stampRequest optional: a TokenRequest for the stamp key that signs now (§4.24), for a stamp along
     *                     with the new token
     */
    public record Refresh(@NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String token,
                          @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String tokenRequest,
                          @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String stampRequest) {
    }

    /** @param stampResponse the stamp's blind signature, present when a stamp was asked for */
    public record Refreshed(String tokenResponse, String stampResponse) {
    }
}
