package dev.tacit.web.instance;

import java.time.Instant;
import java.util.UUID;

import dev.tacit.server.instance.ServerInstance;

/**
 * What a client learns about the server before anything else.
 *
 * @param instanceId      identifies this installation; a change means the server's database was replaced
 * @param since           when this installation was created
 * @param protocolVersion the version of docs/protocol.md the server speaks
 */
public record ServerDescription(UUID instanceId, Instant since, int protocolVersion) {

    static final int PROTOCOL_VERSION = 1;

    static ServerDescription of(ServerInstance instance) {
        return new ServerDescription(instance.instanceId(), instance.createdAt(), PROTOCOL_VERSION);
    }
}
