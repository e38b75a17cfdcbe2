package dev.tacit.server.instance;

import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import dev.tacit.server.startup.StartupChecks;

/** Establishes this installation's identity at start and serves it; the identity never changes afterwards. */
@Singleton
@Startup
@DependsOn(StartupChecks.NAME)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after start
public class ServerInstanceService {

    @Inject
    ServerInstanceStore store;

    @Inject
    Clock clock;

    private volatile ServerInstance current;

    @PostConstruct
    void establish() {
        current = store.createIfAbsent(UUID.randomUUID(), clock.instant());
    }

    public ServerInstance current() {
        return current;
    }
}
