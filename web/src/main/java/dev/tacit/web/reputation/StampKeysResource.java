package dev.tacit.web.reputation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tacit.crypto.token.TokenFormat;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.tokens.StampIssuerKeys;
import dev.tacit.web.ApiDocs;
import dev.tacit.web.tokens.TokenIssuerDirectoryServlet;

/**
 * {@code GET /v1/reputation/stamp-keys}: the reputation stamps' issuer keys (docs/protocol.md §4.3), in the shape
 * of the Privacy Pass issuer directory of RFC 9578 §4, as the discovery keys are published. Anonymous.
 */
@Path("reputation")
@RequestScoped
@Tag(name = ApiDocs.TAG_REPUTATION)
public class StampKeysResource {

    /** Stamps are issued with the refresh of a released first-contact token (§4.18). */
    static final String ISSUER_REQUEST_URI = "/v1/first-contact-tokens/refresh";

    @Inject
    StampIssuerKeys keys;

    @GET
    @Path("stamp-keys")
    @Produces(TokenIssuerDirectoryServlet.MEDIA_TYPE)
    @Operation(operationId = "stampKeys", summary = "The reputation stamps' issuer keys",
            description = "docs/protocol.md §4.3: every stamp key whose stamps are accepted now, with the moment it"
                    + " starts signing as not-before, in the Privacy Pass issuer directory format of RFC 9578 §4."
                    + " Anonymous.")
    @APIResponse(responseCode = "200", description = "The stamp keys.",
            content = @Content(mediaType = TokenIssuerDirectoryServlet.MEDIA_TYPE,
                    schema = @Schema(ref = "IssuerDirectory")))
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public String stampKeys() {
        return new TokenIssuerDirectoryServlet.IssuerDirectory(ISSUER_REQUEST_URI, keys.published().stream()
                .map(key -> new TokenIssuerDirectoryServlet.TokenKey(TokenFormat.TOKEN_TYPE,
                        Base64Url.encodePadded(key.publicKey().encode()), key.signsFrom().getEpochSecond()))
                .toList()).toJson();
    }
}
