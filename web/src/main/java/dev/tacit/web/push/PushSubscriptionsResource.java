package dev.tacit.web.push;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import dev.tacit.server.push.PushSubscriptionService;
import dev.tacit.server.push.UnknownPushSubscriptionException;
import dev.tacit.web.ApiDocs;

/** {@code /v1/account/push-subscriptions}: where the account's clients are woken by Web Push (docs/protocol.md §4.21–§4.23). */
@Path("account/push-subscriptions")
@RequestScoped
@Tag(name = ApiDocs.TAG_MESSAGES)
@SecurityRequirementsSet({@SecurityRequirement(name = ApiDocs.SIGNATURE),
        @SecurityRequirement(name = ApiDocs.SIGNATURE_INPUT)})
public class PushSubscriptionsResource {

    @Inject
    PushSubscriptionService subscriptions;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "subscribePush", summary = "Subscribe a Web Push endpoint",
            description = "docs/protocol.md §4.21: the push service's endpoint of one client installation; a message"
                    + " to the mailbox then sends it a push without content. The same endpoint again keeps its"
                    + " subscription. Signed (§5).")
    @Parameter(ref = ApiDocs.CONTENT_DIGEST)
    @APIResponse(responseCode = "200", description = "Subscribed; the id deletes it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Subscribed.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-push-subscription (field"
                    + " endpoint), urn:tacit:problem:invalid-request or about:blank (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "409", description = "Problem type urn:tacit:problem:too-many-push-subscriptions: the"
                    + " account holds as many subscriptions as it may.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public Subscribed subscribe(@NotNull @Valid Subscription subscription) {
        return new Subscribed(Base64Url.encode(subscriptions.subscribe(caller(), subscription.endpoint())));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "unsubscribePush", summary = "Delete a push subscription",
            description = "docs/protocol.md §4.22: no more pushes to that endpoint. Signed (§5).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", description = "Problem type urn:tacit:problem:unknown-push-subscription: the"
                    + " account holds no subscription with this id.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public void unsubscribe(@PathParam("id") String id) {
        byte[] bytes;
        try {
            bytes = Base64Url.decode(id);
        } catch (MalformedEncodingException e) {
            throw new UnknownPushSubscriptionException();
        }
        subscriptions.unsubscribe(caller(), bytes);
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    /** A subscription: the push service's endpoint URL (RFC 8030 §4, the client's PushSubscription.endpoint). */
    public record Subscription(@NotNull String endpoint) {
    }

    /** The subscription's id. */
    public record Subscribed(String id) {
    }
}
