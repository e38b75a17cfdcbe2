package dev.tacit.server.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigValidationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings are read typed, a wrong one is refused with its name, and inconsistent ones are reported. */
class TacitSettingsTest {

    @Test
    void withoutConfigurationEverySettingHasItsDefault() {
        TacitSettings settings = TestSettings.defaults();

        assertEquals(TacitSettings.Mode.PRODUCTION, settings.mode());
        assertEquals("http://localhost:8080", settings.publicOrigin().toString());
        assertEquals(300, settings.signedRequests().perAccount());
        assertEquals(Duration.ofMinutes(1), settings.signedRequests().period());
        assertEquals(Duration.ofMinutes(10), settings.verification().codeValidity());
        assertEquals(Duration.ofMinutes(15), settings.verification().tokenValidity());
        assertEquals(Duration.ofHours(1), settings.verification().sendPeriod());
        assertEquals(3, settings.verification().sendsPerNumber());
        assertEquals(6, settings.verification().sendsPerNumberPerDay());
        assertEquals(200, settings.verification().sendsPerPrefix());
        assertEquals(1000, settings.verification().sendsOverall());
        assertEquals(3, settings.verification().wrongCodesPerSend());
        assertEquals(Duration.ofDays(7), settings.registration().lockPeriod());
        assertEquals(TacitSettings.Sms.Gateway.DEVELOPMENT, settings.sms().gateway());
        assertEquals(Optional.empty(), settings.sms().development().outbox());
        assertEquals(URI.create("https://api.twilio.com"), settings.sms().twilio().baseUrl());
        assertEquals(Duration.ofSeconds(10), settings.sms().timeout());
        assertEquals(Optional.empty(), settings.keystore().path());
        assertEquals("tacit-kek", settings.keystore().alias());
        assertEquals(Duration.ofDays(180), settings.tokens().signingPeriod());
        assertEquals(Duration.ofDays(730), settings.tokens().verificationPeriod());
        assertEquals(Duration.ofDays(365), settings.ca().signingPeriod());
        assertEquals(Duration.ofDays(730), settings.identityCertificate().validity());
        assertEquals(Duration.ofHours(24), settings.discovery().window());
        assertEquals(100, settings.discovery().tokensPerWindow());
        assertEquals(5432, settings.db().port());
        assertEquals(20, settings.db().pool().max());
        assertEquals(32, settings.groupVerifiers().withTables());
        assertEquals(64, settings.groupVerifiers().promotionReplies());
        assertEquals(Duration.ofHours(1), settings.groupVerifiers().promotionPeriod());
        assertEquals(1000, settings.groups().maxUpdates());
        assertEquals(Optional.empty(), settings.bulkSenders().trustAnchors());
        assertEquals("2.23.140.1.1", settings.bulkSenders().policy());
        assertEquals(TacitSettings.BulkSenders.Revocation.CRL, settings.bulkSenders().revocation());
        assertEquals(1000, settings.bulkSenders().tokensPerPeriod());
        assertEquals(Duration.ofDays(30), settings.bulkSenders().period());
        assertEquals(Duration.ofMinutes(5), settings.bulkSenders().challengeValidity());
        List<String> problems = SettingsRules.problems(settings);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Tacit refuses to start in production mode (tacit.mode, TACIT_MODE): "),
                "the defaults are a development run's: " + problems.get(0));
        assertEquals(List.of(), SettingsRules.problems(TestSettings.of(Map.of("tacit.mode", "development"))));
    }

    @Test
    void valuesAreReadTyped() {
        TacitSettings settings = TestSettings.of(Map.of(
                "tacit.verification.code-validity", "PT90S",
                "tacit.registration.lock-period", "P30D",
                "tacit.sms.gateway", "twilio",
                "tacit.sms.twilio.base-url", "http://127.0.0.1:8089",
                "tacit.sms.development.outbox", "/var/tmp/outbox",
                "tacit.keystore.path", "/etc/tacit/kek.p12",
                "tacit.public-origin", "https://tacit.example:8443"));

        assertEquals(Duration.ofSeconds(90), settings.verification().codeValidity());
        assertEquals(Duration.ofDays(30), settings.registration().lockPeriod());
        assertEquals(TacitSettings.Sms.Gateway.TWILIO, settings.sms().gateway());
        assertEquals(URI.create("http://127.0.0.1:8089"), settings.sms().twilio().baseUrl());
        assertEquals(Optional.of(Path.of("/var/tmp/outbox")), settings.sms().development().outbox());
        assertEquals(Optional.of(Path.of("/etc/tacit/kek.p12")), settings.keystore().path());
        assertEquals("https://tacit.example:8443", settings.publicOrigin().toString());
    }

    @Test
    void environmentVariablesSetTheSameSettings() {
        TacitSettings settings = TestSettings.fromEnvironment(Map.of(
                "TACIT_VERIFICATION_TOKEN_VALIDITY", "PT20M",
                "TACIT_SMS_TWILIO_ACCOUNT_SID", "AC0123",
                "TACIT_DB_POOL_MAX", "7",
                "TACIT_PUBLIC_ORIGIN", "https://tacit.example"));

        assertEquals(Duration.ofMinutes(20), settings.verification().tokenValidity());
        assertEquals(Optional.of("AC0123"), settings.sms().twilio().accountSid());
        assertEquals(7, settings.db().pool().max());
        assertEquals("https://tacit.example", settings.publicOrigin().toString());
        // The launcher's own variables, which the WildFly it starts inherits, are not settings: left alone.
        assertEquals(Duration.ofMinutes(10), TestSettings.fromEnvironment(Map.of("TACIT_RUN_PORT_OFFSET", "300"))
                .verification().codeValidity());
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> TestSettings.fromEnvironment(Map.of("TACIT_VERIFICATION_CODE_VALIDITY", "PT0.5S")));
        assertTrue(refused.getMessage().contains("tacit.verification.code-validity"), refused.getMessage());
    }

    /** Each wrong value is refused when the settings are built, as at deployment, with the setting's name. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tacit.mode                                   | staging",
            "tacit.signed-requests.per-account            | 0",
            "tacit.signed-requests.period                 | PT0.5S",
            "tacit.verification.code-validity             | PT0S",
            "tacit.verification.code-validity             | PT0.5S",
            "tacit.verification.code-validity             | ten minutes",
            "tacit.verification.token-validity            | -PT15M",
            "tacit.verification.send-period               | 3600",
            "tacit.verification.sends-per-number          | 0",
            "tacit.verification.sends-per-number-per-day  | 0",
            "tacit.verification.sends-per-prefix          | many",
            "tacit.verification.sends-overall             | -5",
            "tacit.verification.wrong-codes-per-send      | -1",
            "tacit.registration.lock-period               | P0D",
            "tacit.registration.lock-period               | PT1.5S",
            "tacit.verification.window                    | PT10M",
            "tacit.verification.wrong-codes-per-number    | 5",
            "tacit.sms.gateway                            | carrier-pigeon",
            "tacit.sms.timeout                            | PT0S",
            "tacit.sms.twilio.base-url                    | ftp://api.twilio.com",
            "tacit.sms.twilio.base-url                    | api.twilio.com",
            "tacit.tokens.signing-period                  | P0D",
            "tacit.tokens.verification-period             | forever",
            "tacit.ca.signing-period                      | -P1D",
            "tacit.identity-certificate.validity          | P",
            "tacit.discovery.window                       | PT59M59S",
            "tacit.discovery.window                       | P8D",
            "tacit.discovery.window                       | PT3600.5S",
            "tacit.discovery.tokens-per-window            | 0",
            "tacit.public-origin                          | localhost:8080",
            "tacit.public-origin                          | https://tacit.example/",
            "tacit.public-origin                          | https://tacit.example/api",
            "tacit.public-origin                          | https://tacit.example?x=1",
            "tacit.db.port                                | 65536",
            "tacit.db.pool.max                            | 0",
            "tacit.messages.retention                     | PT0S",
            "tacit.messages.reply-freshness               | PT0.5S",
            "tacit.group-verifiers.with-tables            | 0",
            "tacit.group-verifiers.promotion-replies      | 0",
            "tacit.group-verifiers.promotion-period       | PT0.5S",
            "tacit.bulk-senders.policy                    | EV",
            "tacit.bulk-senders.policy                    | 2.23.140.01.1",
            "tacit.bulk-senders.revocation                | sometimes",
            "tacit.bulk-senders.tokens-per-period         | 0",
            "tacit.bulk-senders.period                    | PT0.5S",
            "tacit.bulk-senders.challenge-validity        | PT0S",
            "tacit.verification.windw                     | PT5M"})
    void aWrongSettingIsRefusedWithItsName(String name, String value) {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> TestSettings.of(Map.of(name, value)));

        assertTrue(refused.getMessage().contains(name), refused.getMessage());
    }

    @Test
    void twilioNeedsItsAccountTokenAndSender() {
        TacitSettings settings = TestSettings.of(Map.of("tacit.mode", "development", "tacit.sms.gateway", "twilio",
                "tacit.sms.twilio.account-sid", "AC0123", "tacit.sms.twilio.auth-token", " "));

        assertEquals(List.of("tacit.sms.twilio.auth-token, tacit.sms.twilio.from must be set when tacit.sms.gateway is twilio"),
                SettingsRules.problems(settings));
    }

    @Test
    void aKeystorePathNeedsItsPassword() {
        TacitSettings settings = TestSettings.of(Map.of("tacit.mode", "development",
                "tacit.keystore.path", "/etc/tacit/kek.p12"));

        assertEquals(List.of("tacit.keystore.password must be set when tacit.keystore.path is"),
                SettingsRules.problems(settings));
    }

    @Test
    void keysMustSignForMoreThanTheWeekTheirSuccessorIsPublishedAheadAndVerifyAtLeastAsLong() {
        List<String> problems = SettingsRules.problems(TestSettings.of(Map.of("tacit.mode", "development",
                "tacit.tokens.signing-period", "P30D", "tacit.tokens.verification-period", "P20D",
                "tacit.ca.signing-period", "P7D")));

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("tacit.tokens.signing-period and tacit.tokens.verification-period: "),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("tacit.ca.signing-period: "), problems.get(1));
        assertEquals(List.of(), SettingsRules.problems(TestSettings.of(Map.of("tacit.mode", "development",
                "tacit.tokens.signing-period", "P8D", "tacit.tokens.verification-period", "P8D",
                "tacit.ca.signing-period", "P8D"))));
    }

    @Test
    void aReleaseWindowMustNotEndBeforeItStarts() {
        assertEquals(List.of("tacit.messages.release-delay-min must not be longer than tacit.messages.release-delay-max"),
                SettingsRules.problems(TestSettings.of(Map.of("tacit.mode", "development",
                        "tacit.messages.release-delay-min", "PT2H", "tacit.messages.release-delay-max", "PT1H"))));
        assertEquals(List.of(), SettingsRules.problems(TestSettings.of(Map.of("tacit.mode", "development",
                "tacit.messages.release-delay-min", "PT1H", "tacit.messages.release-delay-max", "PT1H"))));
    }
}
