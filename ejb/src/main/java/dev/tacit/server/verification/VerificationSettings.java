package dev.tacit.server.verification;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Phone verification's settings, from MicroProfile Config (system properties, or environment variables such
 * as {@code TACIT_VERIFICATION_WINDOW}). Durations are ISO-8601 ({@code PT10M}).
 */
@ApplicationScoped
public class VerificationSettings {

    @Inject
    @ConfigProperty(name = "tacit.verification.window", defaultValue = "PT10M")
    Duration window;

    @Inject
    @ConfigProperty(name = "tacit.verification.token-validity", defaultValue = "PT15M")
    Duration tokenValidity;

    @Inject
    @ConfigProperty(name = "tacit.verification.send-period", defaultValue = "PT1H")
    Duration sendPeriod;

    @Inject
    @ConfigProperty(name = "tacit.verification.sends-per-number", defaultValue = "5")
    int sendsPerNumber;

    @Inject
    @ConfigProperty(name = "tacit.verification.sends-per-prefix", defaultValue = "200")
    int sendsPerPrefix;

    @Inject
    @ConfigProperty(name = "tacit.verification.wrong-codes-per-number", defaultValue = "5")
    int wrongCodesPerNumber;

    @PostConstruct
    void check() {
        requireWholeSeconds("tacit.verification.window", window);
        requireWholeSeconds("tacit.verification.token-validity", tokenValidity);
        requireWholeSeconds("tacit.verification.send-period", sendPeriod);
        requirePositive("tacit.verification.sends-per-number", sendsPerNumber);
        requirePositive("tacit.verification.sends-per-prefix", sendsPerPrefix);
        requirePositive("tacit.verification.wrong-codes-per-number", wrongCodesPerNumber);
    }

    /** How long one code window lasts; a code is accepted in its window and the next. */
    public Duration window() {
        return window;
    }

    /** How long a verification token stays valid after it is issued. */
    public Duration tokenValidity() {
        return tokenValidity;
    }

    /** The fixed window that send limits count in. */
    public Duration sendPeriod() {
        return sendPeriod;
    }

    public int sendsPerNumber() {
        return sendsPerNumber;
    }

    public int sendsPerPrefix() {
        return sendsPerPrefix;
    }

    /** Wrong codes allowed per number per code window. */
    public int wrongCodesPerNumber() {
        return wrongCodesPerNumber;
    }

    private static void requireWholeSeconds(String name, Duration value) {
        if (value.isNegative() || value.isZero() || value.getNano() != 0) {
            throw new IllegalStateException(name + " must be a positive whole number of seconds, not " + value);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalStateException(name + " must be at least 1, not " + value);
        }
    }
}
