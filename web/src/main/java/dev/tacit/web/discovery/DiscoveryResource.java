package dev.tacit.web.discovery;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenFormat;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.discovery.DiscoveryService;
import dev.tacit.server.discovery.DiscoveryTokenKeys;
import dev.tacit.web.ApiDocs;
import dev.tacit.web.tokens.TokenIssuerDirectoryServlet;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.tacit.web.content.BinaryMembers;
import dev.tacit.server.discovery.InvalidDiscoveryRequestException;

/**
 * {@code /v1/discovery}: anonymous contact look-ups paid with discovery tokens (docs/protocol.md §4.11), and the
 * discovery keys those tokens are blinded for (§4.3). Nothing here identifies the caller, and nothing of a
 * request is logged.
 */
@Path("discovery")
@RequestScoped
@Tag(name = ApiDocs.TAG_DISCOVERY)
public class DiscoveryResource {

    private static final BinaryMembers MEMBERS = BinaryMembers.refusedWith(InvalidDiscoveryRequestException::new);

    static final String ALLOWANCE_URI = "/v1/account/discovery-tokens";

    @Inject
    DiscoveryService discovery;

    @Inject
    DiscoveryTokenKeys keys;

    /** {@code POST /v1/discovery/lookup}: which of the numbers are registered, and their keys. */
    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "lookUp", summary = "Look numbers up",
            description = "docs/protocol.md §4.11: for each number, not registered, or its key bundle (§3.3) and group"
                    + " public key (§2.2). Anonymous: paid with one unspent discovery token of a window accepted now"
                    + " per number; all tokens are spent, or none.")
    @APIResponse(responseCode = "200", description = "One result per number, in order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LookupResponse.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-discovery-request"
                    + " (member in field: numbers that are not phone numbers or repeat, tokens that do not match the"
                    + " numbers in count, do not decode, or are not discovery tokens of a window accepted now),"
                    + " urn:tacit:problem:invalid-request (a member missing, of the wrong type, empty or too long),"
                    + " or about:blank (unreadable JSON). No token is spent.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "409", description = "Problem type urn:tacit:problem:token-already-spent (field"
                    + " tokens): a token was spent before. No token is spent.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public LookupResponse lookUp(@NotNull @Valid LookupRequest request) {
        List<DiscoveryService.LookupResult> results = discovery.lookUp(request.numbers(),
                request.tokens().stream().map(token -> MEMBERS.decode("tokens", token)).toList());
        return new LookupResponse(results.stream().map(LookupEntry::of).toList());
    }

    /** {@code GET /v1/discovery/token-keys}: the discovery keys, in the shape of the RFC 9578 directory. */
    @GET
    @Path("token-keys")
    @Produces(TokenIssuerDirectoryServlet.MEDIA_TYPE)
    @Operation(operationId = "discoveryTokenKeys", summary = "The discovery token keys",
            description = "docs/protocol.md §4.3: every discovery key whose tokens are accepted now or later, one per"
                    + " window, with its window's start as not-before, in the Privacy Pass issuer directory format"
                    + " of RFC 9578 §4. Anonymous.")
    @APIResponse(responseCode = "200", description = "The discovery keys.",
            content = @Content(mediaType = TokenIssuerDirectoryServlet.MEDIA_TYPE,
                    schema = @Schema(ref = "IssuerDirectory")))
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public String tokenKeys() {
        return new TokenIssuerDirectoryServlet.IssuerDirectory(ALLOWANCE_URI, keys.published().stream()
                .map(key -> new TokenIssuerDirectoryServlet.TokenKey(TokenFormat.TOKEN_TYPE,
                        Base64Url.encodePadded(key.publicKey().encode()), key.window().start().getEpochSecond()))
                .toList()).toJson();
    }

    /**
     * @param numbers 1 to 100 distinct phone numbers (§1.2)
     * @param tokens  exactly as many discovery tokens (§2.1.4), unspent, of a window accepted now
     */
    public record LookupRequest(
            @NotNull @Size(min = 1, max = DiscoveryService.MAX_PER_REQUEST)
            List<@NotNull @Size(max = PhoneNumber.MAX_LENGTH) String> numbers,
            @NotNull @Size(min = 1, max = DiscoveryService.MAX_PER_REQUEST)
            List<@NotNull @Size(max = 2 * Token.LENGTH) @Pattern(regexp = Base64Url.PATTERN) String> tokens) {
    }

    /** @param results one per number of the request, in its order */
    public record LookupResponse(List<LookupEntry> results) {
    }

    /**
     * The answer for one number, the same members whether or not it is registered.
     *
     * @param number         the number, as asked
     * @param keyBundle      its key bundle (§3.3), base64url; null if the number is not registered
     * @param groupPublicKey its group public key (§2.2), base64url; null if the number is not registered
     */
    @JsonbPropertyOrder({"number", "keyBundle", "groupPublicKey"})
    public record LookupEntry(String number, @JsonbNillable String keyBundle, @JsonbNillable String groupPublicKey) {

        static LookupEntry of(DiscoveryService.LookupResult result) {
            // Encoded either way (an unregistered number's are decoys), so each number costs the same work.
            String keyBundle = Base64Url.encode(result.keyBundle());
            String groupPublicKey = Base64Url.encode(result.groupPublicKey());
            return result.registered() ? new LookupEntry(result.number().e164(), keyBundle, groupPublicKey)
                    : new LookupEntry(result.number().e164(), null, null);
        }
    }
}
