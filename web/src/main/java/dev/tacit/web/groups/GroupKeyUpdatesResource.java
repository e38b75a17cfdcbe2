package dev.tacit.web.groups;

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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.accounts.GroupKeyChain;
import dev.tacit.server.accounts.GroupKeyService;
import dev.tacit.web.ApiDocs;
import dev.tacit.web.content.BinaryMembers;
import dev.tacit.server.accounts.InvalidGroupKeyRequestException;

/** {@code /v1/group-key-updates}: how a contact brings its member credential to the recipient's current group key. */
@Path("group-key-updates")
@RequestScoped
@Tag(name = ApiDocs.TAG_MESSAGES)
public class GroupKeyUpdatesResource {

    private static final BinaryMembers MEMBERS = BinaryMembers.refusedWith(InvalidGroupKeyRequestException::new);

    @Inject
    GroupKeyService groupKeys;

    /** {@code POST /v1/group-key-updates}: the updates from the signer's key to the recipient's current one. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "groupKeyUpdates", summary = "Fetch a group's key updates, anonymously",
            description = "docs/protocol.md §4.30: anonymous, no signature. A member of the recipient's group, for the"
                    + " group key its credential is for, signs §2.2.4's message with envelope_digest = SHA-256("
                    + "\"TACIT-V1-GROUP-KEY-UPDATES\" || groupPublicKey) and a fresh timestamp; the answer holds the"
                    + " updates (§2.2.9) from that key to the recipient's current one.")
    @APIResponse(responseCode = "200", description = "The current epoch and key, and the updates that lead there.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupKeyUpdates.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:group-key-updates-refused (one"
                    + " answer for a number without an account, a key not in its chain, a bad signature or a stale"
                    + " timestamp), urn:tacit:problem:group-key-request-invalid (member in field),"
                    + " urn:tacit:problem:invalid-request, or about:blank (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public GroupKeyUpdates updates(@NotNull @Valid UpdatesRequest request) {
        GroupKeyChain chain = groupKeys.updatesSince(request.recipient(),
                MEMBERS.decode("groupPublicKey", request.groupPublicKey()),
                MEMBERS.decode("groupSignature", request.groupSignature()), request.timestamp());
        return GroupKeyUpdates.of(chain);
    }

    /** The request: the recipient, the key the signer's credential is for, the signed time and the signature. */
    public record UpdatesRequest(
            @NotNull @Size(max = 16) String recipient,
            @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String groupPublicKey,
            @NotNull Long timestamp,
            @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String groupSignature) {
    }

    /** The answer: the current epoch and group key, and the updates from the request's key to it, in order. */
    public record GroupKeyUpdates(int epoch, String groupPublicKey, List<String> updates) {

        static GroupKeyUpdates of(GroupKeyChain chain) {
            return new GroupKeyUpdates(chain.epoch(), Base64Url.encode(chain.groupPublicKey()),
                    chain.updates().stream().map(Base64Url::encode).toList());
        }
    }
}
