package dev.tacit.server.verification;

/**
 * Named random secrets that are the same on every cluster member and across restarts. Stand-in for the
 * project-wide server secrets store until it exists.
 */
public interface VerificationSecrets {

    /** The secret called {@code name}, {@code length} random bytes generated at its first use. */
    byte[] getOrCreate(String name, int length);
}
