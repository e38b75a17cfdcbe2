package dev.tacit.server.verification;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Secrets generated at random per server process: codes and tokens do not survive a restart and do not work
 * across cluster members. A stand-in until secrets are kept in the database.
 */
@ApplicationScoped
public class ProcessLocalVerificationSecrets implements VerificationSecrets {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

    @Override
    public byte[] getOrCreate(String name, int length) {
        byte[] secret = secrets.computeIfAbsent(name + "/" + length, key -> {
            byte[] fresh = new byte[length];
            random.nextBytes(fresh);
            return fresh;
        });
        return secret.clone();
    }
}
