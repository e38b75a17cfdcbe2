package dev.tacit.web.accounts;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.accounts.Account;
import dev.tacit.server.accounts.AccountService;
import dev.tacit.server.accounts.GroupKeyChain;
import dev.tacit.server.accounts.GroupKeyService;
import dev.tacit.server.accounts.InvalidGroupKeyRequestException;
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
import dev.tacit.server.accounts.InvalidAccountRequestException;

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

    private static final BinaryMembers ACCOUNT_REQUEST_MEMBERS =
            BinaryMembers.refusedWith(InvalidAccountRequestException::new);

    private static final BinaryMembers GROUP_KEY_REQUEST_MEMBERS =
            BinaryMembers.refusedWith(InvalidGroupKeyRequestException::new);

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
        accounts.replacePreKey(caller(), ACCOUNT_REQUEST_MEMBERS.decode("preKey", update.preKey()));
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
        accounts.replaceGroupPublicKey(caller(),
                ACCOUNT_REQUEST_MEMBERS.decode("groupPublicKey", update.groupPublicKey()));
    }

    /** {@code POST /v1/account/group-key-updates}: updates that revoke members of the account's group. */
    @POST
    @Path("group-key-updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadGroupKeyUpdates", summary = "Block contacts: update the account's group key",
            description = "docs/protocol.md §4.29: applies group key updates (§2.2.9), each revoking one member of the"
                    + " account's group, to the current key of epoch fromEpoch, and stores them with the keys they lead"
                    + " to; all or nothing. Signed (§5).")
    @Parameter(ref = ApiDocs.CONTENT_DIGEST)
    @APIResponse(responseCode = "200", description = "The new current epoch and group key.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadedUpdates.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:group-key-update-invalid (field"
                    + " updates, extension member index), urn:tacit:problem:group-key-request-invalid (member in field),"
                    + " urn:tacit:problem:invalid-request, or about:blank (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "409", description = "Problem type urn:tacit:problem:group-key-epoch-stale (extension"
                    + " member epoch, the current one) or urn:tacit:problem:group-key-chain-full.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public UploadedUpdates uploadGroupKeyUpdates(@NotNull @Valid GroupKeyUpdatesUpload upload) {
        List<byte[]> updates = upload.updates().stream()
                .map(update -> GROUP_KEY_REQUEST_MEMBERS.decode("updates", update)).toList();
        GroupKeyChain chain = groupKeys.upload(caller(), upload.fromEpoch(), updates);
        return new UploadedUpdates(chain.epoch(), Base64Url.encode(chain.groupPublicKey()));
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

    /** The upload of §4.29: the epoch the updates build on, and 1 to 100 updates in order. */
    public record GroupKeyUpdatesUpload(
            @NotNull @Min(0) Integer fromEpoch,
            @NotNull @Size(min = 1, max = GroupKeyService.MAX_UPDATES_PER_REQUEST)
            List<@NotNull @Size(max = 240) @Pattern(regexp = Base64Url.PATTERN) String> updates) {
    }

    /** The answer of §4.29: the account's new current epoch and group key. */
    public record UploadedUpdates(int epoch, String groupPublicKey) {
    }

    public record PreKeyUpdate(@NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String preKey) {
    }

    public record GroupPublicKeyUpdate(
            @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String groupPublicKey) {
    }
}
