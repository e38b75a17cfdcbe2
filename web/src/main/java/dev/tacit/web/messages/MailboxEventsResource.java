package dev.tacit.web.messages;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.server.messages.InvalidMessageRequestException;
import dev.tacit.server.messages.MailboxCursor;
import dev.tacit.server.wakeup.MailboxStreams;
import dev.tacit.web.ApiDocs;

/** {@code GET /v1/account/messages/events}: the mailbox's wake-up stream (docs/protocol.md §4.20). */
@Path("account/messages/events")
@RequestScoped
@Tag(name = ApiDocs.TAG_MESSAGES)
@SecurityRequirementsSet({@SecurityRequirement(name = ApiDocs.SIGNATURE),
        @SecurityRequirement(name = ApiDocs.SIGNATURE_INPUT)})
public class MailboxEventsResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    @Inject
    MailboxStreams streams;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "mailboxEvents", summary = "Wake-up stream of the mailbox",
            description = "docs/protocol.md §4.20: Server-Sent Events, one event `message` per new message (its id"
                    + " as data, the mailbox cursor after it as event id), comment lines as keep-alives. Without"
                    + " Last-Event-ID the stream first announces every pending message; with it, those after it."
                    + " Signed (§5) at connect.")
    @APIResponse(responseCode = "200", description = "The stream, open until either side closes it.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-message-request: the"
                    + " Last-Event-ID (in field) is not an event id of this server.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "429", description = "Problem type urn:tacit:problem:too-many-streams: the account"
                    + " holds as many open streams as it may on this server node; or the signed-request limit"
                    + " (urn:tacit:problem:rate-limited). With Retry-After.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "503", description = "Problem type urn:tacit:problem:streams-unavailable: the"
                    + " server node holds as many open streams as it may. With Retry-After.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public void events(@HeaderParam(LAST_EVENT_ID)
                       @Parameter(description = "The id of the last event the client received, to resume after it.")
                       String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        Optional<MailboxCursor> after;
        try {
            after = lastEventId == null || lastEventId.isEmpty() ? Optional.empty()
                    : Optional.of(MailboxCursor.decode(lastEventId));
        } catch (MalformedEncodingException e) {
            throw new InvalidMessageRequestException(LAST_EVENT_ID, "not an event id this server sent");
        }
        streams.open(security.getUserPrincipal().getName(), after, new SseStreamSink(sink, sse));
    }
}
