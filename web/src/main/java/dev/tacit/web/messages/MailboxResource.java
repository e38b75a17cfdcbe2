package dev.tacit.web.messages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import dev.tacit.server.messages.InvalidMessageRequestException;
import dev.tacit.server.messages.MailboxCursor;
import dev.tacit.server.messages.MailboxPage;
import dev.tacit.server.messages.MessageId;
import dev.tacit.server.messages.MessagingService;
import dev.tacit.server.messages.StoredMessage;
import dev.tacit.server.messages.TokenHandle;
import dev.tacit.server.messages.UnknownMessageException;
import dev.tacit.web.ApiDocs;

/** {@code /v1/account/messages}: the signed-in account's mailbox (docs/protocol.md §4.13, §4.14). */
@Path("account/messages")
@RequestScoped
@Tag(name = ApiDocs.TAG_MESSAGES)
@SecurityRequirementsSet({@SecurityRequirement(name = ApiDocs.SIGNATURE),
        @SecurityRequirement(name = ApiDocs.SIGNATURE_INPUT)})
public class MailboxResource {

    static final String DEFAULT_PAGE = "25";

    @Inject
    MessagingService messaging;

    @Context
    SecurityContext security;

    /** {@code GET /v1/account/messages}: one page of pending messages. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMessages", summary = "List the mailbox's pending messages",
            description = "docs/protocol.md §4.13: pending messages in the order received, paged by an opaque cursor."
                    + " Delivery is at least once: a message stays until acknowledged or expired. Signed (§5).")
    @APIResponse(responseCode = "200", description = "A page of messages, and the cursor of the next if there may be more.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Mailbox.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-message-request: the"
                    + " cursor or limit (in field) is not valid.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public Mailbox list(@QueryParam("cursor") @Parameter(description = "The next cursor of the previous page.") String cursor,
                        @QueryParam("limit") @DefaultValue(DEFAULT_PAGE)
                        @Parameter(description = "Messages per page, 1 to 100.") String limit) {
        Optional<MailboxCursor> after;
        try {
            after = cursor == null ? Optional.empty() : Optional.of(MailboxCursor.decode(cursor));
        } catch (MalformedEncodingException e) {
            throw new InvalidMessageRequestException("cursor", "not a cursor this server issued");
        }
        MailboxPage page = messaging.mailbox(caller(), after, pageSize(limit));
        return new Mailbox(page.messages().stream().map(MailboxResource::entry).toList(),
                page.next().map(MailboxCursor::encode).orElse(null));
    }

    /** {@code DELETE /v1/account/messages/{id}}: acknowledges a message the client has stored. */
    @DELETE
    @Path("{id}")
    @Operation(operationId = "acknowledgeMessage", summary = "Acknowledge (delete) a message",
            description = "docs/protocol.md §4.14: deletes a message from the mailbox once the client has stored it."
                    + " Signed (§5).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", description = "Problem type urn:tacit:problem:unknown-message: the mailbox holds"
                    + " no message with this id (acknowledged before, expired, or never there).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public void acknowledge(@PathParam("id") String id) {
        MessageId messageId;
        try {
            messageId = MessageId.of(Base64Url.decode(id));
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            throw new UnknownMessageException();
        }
        messaging.acknowledge(caller(), messageId);
    }

    /** The page size asked for; read here so that a malformed one is a 400 naming it, not JAX-RS's 404. */
    private static int pageSize(String limit) {
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new InvalidMessageRequestException("limit",
                    "a page holds 1 to " + MessagingService.MAX_PAGE + " messages");
        }
    }

    private static MailboxEntry entry(StoredMessage message) {
        return new MailboxEntry(message.id().toString(), message.receivedAt(), Base64Url.encode(message.envelope()),
                message.tokenHandle().isPresent() ? FIRST_CONTACT : REPLY,
                message.tokenHandle().map(TokenHandle::toString).orElse(null));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    static final String FIRST_CONTACT = "first-contact";
    static final String REPLY = "group-signature";

    /** A page of the mailbox; {@code next} is absent on the last page. */
    public record Mailbox(List<MailboxEntry> messages, String next) {
    }

    /**
     * A pending message: {@code authorisation} is {@code first-contact} (with the {@code tokenHandle} that releases
     * or reports its token) or {@code group-signature}.
     */
    public record MailboxEntry(String id, Instant receivedAt, String envelope, String authorisation, String tokenHandle) {
    }
}
