package dev.tacit.server.verification;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Phone verification's settings, from MicroProfile Config (system properties, or environment variables such
 * as {@code TACIT_VERIFICATION_CODE_VALIDITY}). Durations are ISO-8601 ({@code PT10M}). The defaults give the
 * bounds docs/protocol.md §4.6 states.
 */
@ApplicationScoped
public class VerificationSettings {

    @Inject
    @ConfigProperty(name = "tacit.verification.code-validity", defaultValue = "PT10M")
    Duration codeValidity;

    @Inject
    @ConfigProperty(name = "tacit.verification.token-validity", defaultValue = "PT15M")
    Duration tokenValidity;

    @Inject
    @ConfigProperty(name = "tacit.verification.send-period", defaultValue = "PT1H")
    Duration sendPeriod;

    @Inject
    @ConfigProperty(name = "tacit.verification.sends-per-number", defaultValue = "3")
    int sendsPerNumber;

    @Inject
    @ConfigProperty(name = "tacit.verification.sends-per-number-per-day", defaultValue = "6")
    int sendsPerNumberPerDay;

    @Inject
    @ConfigProperty(name = "tacit.verification.sends-per-prefix", defaultValue = "200")
    int sendsPerPrefix;

    @Inject
    @ConfigProperty(name = "tacit.verification.sends-overall", defaultValue = "1000")
    int sendsOverall;

    @Inject
    @ConfigProperty(name = "tacit.verification.wrong-codes-per-send", defaultValue = "3")
    int wrongCodesPerSend;

    @PostConstruct
    void check() {
        requireWholeSeconds("tacit.verification.code-validity", codeValidity);
        requireWholeSeconds("tacit.verification.token-validity", tokenValidity);
        requireWholeSeconds("tacit.verification.send-period", sendPeriod);
        requirePositive("tacit.verification.sends-per-number", sendsPerNumber);
        requirePositive("tacit.verification.sends-per-number-per-day", sendsPerNumberPerDay);
        requirePositive("tacit.verification.sends-per-prefix", sendsPerPrefix);
        requirePositive("tacit.verification.sends-overall", sendsOverall);
        requirePositive("tacit.verification.wrong-codes-per-send", wrongCodesPerSend);
    }

    /** How long a send proof, and the code texted with it, are accepted after the send. */
    public Duration codeValidity() {
        return codeValidity;
    }

    /** How long a verification token stays valid after it is issued. */
    public Duration tokenValidity() {
        return tokenValidity;
    }

    /** The fixed window that the per-number, per-prefix and overall send limits count in. */
    public Duration sendPeriod() {
        return sendPeriod;
    }

    /** Texts to one number per send period. */
    public int sendsPerNumber() {
        return sendsPerNumber;
    }

    /** Texts to one number per UTC day (fixed one-day windows from the epoch). */
    public int sendsPerNumberPerDay() {
        return sendsPerNumberPerDay;
    }

    /** Texts to the numbers of one prefix per send period. */
    public int sendsPerPrefix() {
        return sendsPerPrefix;
    }

    /** Texts to all numbers together per send period. */
    public int sendsOverall() {
        return sendsOverall;
    }

    /** Wrong codes accepted for checking per send, i.e. per send proof. */
    public int wrongCodesPerSend() {
        return wrongCodesPerSend;
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
