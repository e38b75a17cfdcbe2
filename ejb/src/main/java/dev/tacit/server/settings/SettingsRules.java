package dev.tacit.server.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tacit.server.keys.RotatingKeys;
import dev.tacit.server.sms.TwilioSettings;

/**
 * The checks that involve more than one setting (each single setting is checked as it is read, see
 * {@link SettingConverters}). Every problem names the settings at fault.
 */
public final class SettingsRules {

    private SettingsRules() {
    }

    /**
     * What is wrong with {@code settings}, one sentence a problem; empty when they are consistent and, in
     * production mode, safe for production.
     */
    public static List<String> problems(TacitSettings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.mode() == TacitSettings.Mode.PRODUCTION) {
            List<String> unsafe = ProductionSafety.problems(settings);
            if (!unsafe.isEmpty()) {
                problems.add("Tacit refuses to start in production mode (tacit.mode, TACIT_MODE): "
                        + String.join("; ", unsafe) + ". For a local development run instead, set TACIT_MODE=development.");
            }
        }
        if (settings.sms().gateway() == TacitSettings.Sms.Gateway.TWILIO) {
            try {
                TwilioSettings.of(settings.sms());
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (settings.keystore().path().isPresent() && settings.keystore().password().isEmpty()) {
            problems.add("tacit.keystore.password must be set when tacit.keystore.path is");
        }
        requireLifetime(problems, "tacit.tokens.signing-period and tacit.tokens.verification-period",
                settings.tokens().signingPeriod(), settings.tokens().verificationPeriod());
        // A CA key's certificate stays valid until the last identity certificate it issued expires.
        requireLifetime(problems, "tacit.ca.signing-period", settings.ca().signingPeriod(),
                settings.ca().signingPeriod().plus(settings.identityCertificate().validity()));
        return problems;
    }

    private static void requireLifetime(List<String> problems, String names, Duration signing, Duration verifying) {
        try {
            new RotatingKeys.Lifetime(signing, verifying);
        } catch (IllegalArgumentException e) {
            problems.add(names + ": " + e.getMessage());
        }
    }
}
