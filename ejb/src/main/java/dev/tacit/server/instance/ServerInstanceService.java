package dev.tacit.server.instance;

import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import dev.tacit.http.PublicOrigin;

/**
 * Establishes this installation's identity at start and serves it with the origin clients reach it at; neither
 * changes afterwards. Starting at deployment, it also refuses a malformed {@code tacit.public-origin} then.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after start
public class ServerInstanceService {

    @Inject
    ServerInstanceStore store;

    @Inject
    Clock clock;

    @Inject
    PublicOrigin publicOrigin;

    private volatile ServerInstance current;

    @PostConstruct
    void establish() {
        current = store.createIfAbsent(UUID.randomUUID(), clock.instant());
    }

    public ServerInstance current() {
        return current;
    }

    /** The origin clients reach this installation at (docs/protocol.md §4.2). */
    public PublicOrigin publicOrigin() {
        return publicOrigin;
    }
}
