package dev.tacit.server.keys;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named secret as stored: sealed by {@link SecretSealer}. */
@Entity
@Table(name = "server_secret")
public class ServerSecret {

    @Id
    @Column(name = "name")
    private String name;

    @Column(name = "sealed", nullable = false, updatable = false)
    private byte[] sealed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ServerSecret() {
        // for JPA
    }

    public String name() {
        return name;
    }

    byte[] sealed() {
        return sealed.clone();
    }
}
