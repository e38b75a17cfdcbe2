package dev.tacit.web.messages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tacit.server.messages.InvalidMessageRequestException;
import dev.tacit.server.messages.MessageId;
import dev.tacit.server.messages.MessagingService;
import dev.tacit.web.ApiDocs;
import dev.tacit.web.content.BinaryMembers;

/** {@code /v1/messages}: anonymous sending into a mailbox. */
@Path("messages")
@RequestScoped
@Tag(name = ApiDocs.TAG_MESSAGES)
public class MessagesResource {

    private static final BinaryMembers MEMBERS = BinaryMembers.refusedWith(InvalidMessageRequestException::new);

    @Inject
    MessagingService messaging;

    /** {@code POST /v1/messages}: a first contact paid with a token, or a reply signed by a member of the recipient's group. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendMessage", summary = "Send a sealed envelope to a mailbox, anonymously",
            description = "docs/protocol.md §4.12: anonymous, no signature. Exactly one authorisation: a first-contact"
                    + " token (§2.1), attached to the recipient in the transaction that stores the message, or a group"
                    + " signature (§2.2.4) by a member of the recipient's group with its timestamp. Answers 202 with"
                    + " a random message id once the message is committed; there are no delivery receipts.")
    @APIResponse(responseCode = "202", description = "Stored in the recipient's mailbox.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SendResponse.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-message-request (member"
                    + " in field), urn:tacit:problem:invalid-token, urn:tacit:problem:invalid-reply-signature,"
                    + " urn:tacit:problem:invalid-request, or about:blank (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "404", description = "Problem type urn:tacit:problem:unknown-recipient: the number"
                    + " has no account; the token is spent all the same.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "409", description = "Problem type urn:tacit:problem:token-already-spent (member tokenState)"
                    + " or urn:tacit:problem:reply-replayed.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", description = "Problem type urn:tacit:problem:content-too-large: the content is"
                    + " over 96 KiB, or the envelope is longer than the largest padded size (65,585 bytes).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public Response send(@NotNull @Valid SendRequest request) {
        byte[] envelope = MEMBERS.decode("envelope", request.envelope());
        MessageId id;
        if (request.token() != null && request.groupSignature() == null && request.timestamp() == null) {
            id = messaging.sendFirstContact(request.recipient(), envelope, MEMBERS.decode("token", request.token()));
        } else if (request.token() == null && request.groupSignature() != null && request.timestamp() != null) {
            id = messaging.sendReply(request.recipient(), envelope,
                    MEMBERS.decode("groupSignature", request.groupSignature()), request.timestamp());
        } else {
            throw new InvalidMessageRequestException(request.token() != null ? "token" : "groupSignature",
                    "exactly one authorisation: a token, or a group signature with its timestamp");
        }
        return Response.accepted(new SendResponse(id.toString())).build();
    }
}
