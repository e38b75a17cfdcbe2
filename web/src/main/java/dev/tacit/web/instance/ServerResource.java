package dev.tacit.web.instance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tacit.server.instance.ServerInstanceService;
import dev.tacit.server.push.VapidKeys;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.web.ApiDocs;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/server}: the installation's identity, protocol version and public origin. Anonymous. */
@Path("server")
@RequestScoped
public class ServerResource {

    @Inject
    ServerInstanceService instances;

    @Inject
    TacitSettings settings;

    @Inject
    VapidKeys vapidKeys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = ApiDocs.TAG_INSTALLATION)
    @Operation(operationId = "server", summary = "The installation",
            description = "docs/protocol.md §4.2: the installation's id and age, the protocol version, the public"
                    + " origin whose authority request signatures cover (§5.1), the token issuer_name (§2.1.3), and"
                    + " the discovery window and allowance (§2.1.3, §4.10), and the VAPID public key of Web Push (§4.21). Anonymous.")
    @APIResponse(responseCode = "200", description = "The installation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ServerDescription.class)))
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public ServerDescription describe() {
        return ServerDescription.of(instances.current(), settings, vapidKeys.applicationServerKey());
    }
}
