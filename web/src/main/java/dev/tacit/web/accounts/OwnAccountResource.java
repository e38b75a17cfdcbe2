package dev.tacit.web.accounts;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.accounts.Account;
import dev.tacit.server.accounts.AccountService;
import dev.tacit.server.accounts.GroupKeyService;
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
 * {@code /v1/account}: the signed-in account's own resources. Every request here is authenticated by its
 * request signature (docs/protocol.md §5); the caller is the account that signed.
 */
@Path("account")
@RequestScoped
@Tag(name = ApiDocs.TAG_ACCOUNT)
@SecurityRequirementsSet({@SecurityRequirement(name = ApiDocs.SIGNATURE),
        @SecurityRequirement(name = ApiDocs.SIGNATURE_INPUT)})
public class OwnAccountResource {

    @Inject
    AccountService accounts;

    @Inject
    GroupKeyService groupKeys;

    @Context
    SecurityContext security;

    /** {@code GET /v1/account}: the account as the server holds it. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "account", summary = "The account itself",
            description = "docs/protocol.md §4.8: the account as the server holds it. Signed (§5).")
    @APIResponse(responseCode = "200", description = "The account.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OwnAccount.class)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public OwnAccount describe() {
        Account account = accounts.ownAccount(caller());
        return new OwnAccount(account.number(), account.registeredAt(), account.tokensIssued(),
                Base64Url.encode(account.preKey()), Base64Url.encode(account.groupPublicKey()),
                groupKeys.currentEpoch(account.number()));
    }

    /** {@code PUT /v1/account/pre-key}: a new signed ratchet pre-key. */
    @PUT
    @Path("pre-key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replacePreKey", summary = "Replace the account's ratchet pre-key",
            description = "docs/protocol.md §4.9: publishes a new signed ratchet pre-key, purpose RATCHET_PRE_KEY"
                    + " (§3.3). Signed (§5).")
    @Parameter(ref = ApiDocs.CONTENT_DIGEST)
    @APIResponse(responseCode = "204", description = "Replaced.")
    @APIResponse(responseCode = "400", ref = ApiDocs.INVALID_KEY_REPLACEMENT)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public void replacePreKey(@NotNull @Valid PreKeyUpdate update) {
        accounts.replacePreKey(caller(), BinaryMember.decode("preKey", update.preKey()));
    }

    /** {@code PUT /v1/account/group-public-key}: a new BBS group public key. */
    @PUT
    @Path("group-public-key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceGroupPublicKey", summary = "Replace the account's group public key",
            description = "docs/protocol.md §4.9: publishes a new BBS group public key (§2.2); the member credentials"
                    + " contacts hold for the old group stop working. Signed (§5).")
    @Parameter(ref = ApiDocs.CONTENT_DIGEST)
    @APIResponse(responseCode = "204", description = "Replaced.")
    @APIResponse(responseCode = "400", ref = ApiDocs.INVALID_KEY_REPLACEMENT)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public void replaceGroupPublicKey(@NotNull @Valid GroupPublicKeyUpdate update) {
        accounts.replaceGroupPublicKey(caller(), BinaryMember.decode("groupPublicKey", update.groupPublicKey()));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    /**
     * The account's own view: its number, since when, tokens issued, its current published keys, and the epoch of
     * its group key (§4.29).
     */
    public record OwnAccount(String number, Instant registeredAt, int tokensIssued, String preKey,
                             String groupPublicKey, int groupKeyEpoch) {
    }

    public record PreKeyUpdate(@NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String preKey) {
    }

    public record GroupPublicKeyUpdate(
            @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String groupPublicKey) {
    }
}
