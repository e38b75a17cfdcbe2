package dev.tacit.server.keys;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Named random secrets of this installation (MAC keys and the like): generated at first use, stored sealed
 * in PostgreSQL, the same across restarts and cluster members, and held in memory once read.
 */
@ApplicationScoped
public class ServerSecrets {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> opened = new ConcurrentHashMap<>();

    @Inject
    ServerSecretStore store;

    @Inject
    SecretSealer sealer;

    @Inject
    Clock clock;

    /**
     * The secret called {@code name}, created with {@code length} random bytes if it does not exist yet.
     *
     * @return a copy the caller may keep or wipe
     * @throws IllegalStateException if a stored secret of that name has another length
     */
    public byte[] getOrCreate(String name, int length) {
        byte[] secret = opened.computeIfAbsent(name, absent -> load(absent, length));
        if (secret.length != length) {
            throw new IllegalStateException("server secret '" + name + "' has " + secret.length + " bytes, not " + length);
        }
        return secret.clone();
    }

    private byte[] load(String name, int length) {
        byte[] candidate = new byte[length];
        random.nextBytes(candidate);
        ServerSecret stored = store.storeIfAbsent(name, sealer.seal(name, candidate), clock.instant());
        return sealer.open(name, stored.sealed());
    }
}
