package dev.tacit.server.instance;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The identity of this Tacit installation, created once with its database. Clients remember the id: a
 * different id means the database was replaced, and with it their registration, certificate and tokens.
 */
@Entity
@Table(name = "server_instance")
public class ServerInstance {

    /** The table holds one row; its key is the constant {@code true}. */
    @Id
    @Column(name = "singleton")
    private boolean singleton = true;

    @Column(name = "instance_id", nullable = false, updatable = false)
    private UUID instanceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ServerInstance() {
        // for JPA
    }

    public UUID instanceId() {
        return instanceId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
