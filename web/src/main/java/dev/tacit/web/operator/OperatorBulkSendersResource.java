package dev.tacit.web.operator;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.tacit.server.bulk.BulkSenderGrant;
import dev.tacit.server.bulk.BulkSenderOperations;
import dev.tacit.web.bulk.BulkSenderResource.Grant;
import dev.tacit.web.problem.Problem;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operator's handle on bulk-sender grants (docs/protocol.md §6.3): list them, revoke one. A revoked grant
 * stops the account's bulk tokens at once and bars its certificate from proving again, for any account. Behind
 * the operator's credentials like every {@code /v1/operator} resource; not in the clients' OpenAPI document.
 */
@Path("operator/bulk-senders")
@RequestScoped
public class OperatorBulkSendersResource {

    /** The most grants one listing returns. */
    static final int MAX_LISTED = 1000;

    @Inject
    BulkSenderOperations grants;

    /** The latest {@code limit} grants, newest first. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response list(@QueryParam("limit") @DefaultValue("100") String limit) {
        int count;
        try {
            count = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_LISTED) {
            return Problem.ofType("invalid-operator-request", "Invalid operator request", Response.Status.BAD_REQUEST,
                    "limit must be a whole number from 1 to " + MAX_LISTED + ".").withField("limit").toResponse();
        }
        return Response.ok(new Grants(grants.list(count).stream().map(Grant::of).toList())).build();
    }

    /** Revokes grant {@code id}: 200 with the grant as revoked (a second revocation changes nothing). */
    @POST
    @Path("{id}/revocation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") String id) {
        long grantId;
        try {
            grantId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            grantId = -1;
        }
        return (grantId < 1 ? Optional.<BulkSenderGrant>empty() : grants.revoke(grantId))
                .map(grant -> Response.ok(Grant.of(grant)).build())
                .orElseGet(() -> Problem.ofType("bulk-sender-unknown-grant", "Unknown bulk-sender grant",
                        Response.Status.NOT_FOUND, "There is no bulk-sender grant with that id.").toResponse());
    }

    /** The answer to a listing. */
    public record Grants(List<Grant> grants) {
    }
}
