package dev.tacit.client;

import java.util.UUID;

/**
 * The server at the state's address is another installation than the one the account registered with (its
 * {@code instanceId} changed, docs/protocol.md §4.2): the registration, certificate and tokens are gone there.
 * Register again with a fresh state directory.
 */
public class ServerChangedException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    public ServerChangedException(UUID registeredWith, UUID now) {
        super("the server is installation " + now + ", not " + registeredWith
                + " with which this account registered: its registration and tokens are gone there");
    }
}
