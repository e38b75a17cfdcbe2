package dev.tacit.web.instance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tacit.server.instance.ServerInstanceService;

/** {@code GET /v1/server}: the installation's identity, protocol version and public origin. Anonymous. */
@Path("server")
@RequestScoped
public class ServerResource {

    @Inject
    ServerInstanceService instances;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ServerDescription describe() {
        return ServerDescription.of(instances.current(), instances.publicOrigin());
    }
}
