package dev.tacit.server.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tacit.server.keys.KeyEncryptionKey;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What production mode refuses, each with what to set instead, and what development mode allows. */
class ProductionSafetyTest {

    /** Settings fit for production. */
    private static final Map<String, String> PRODUCTION = Map.of(
            "tacit.sms.gateway", "twilio",
            "tacit.sms.twilio.account-sid", "AC0123",
            "tacit.sms.twilio.auth-token", "a token of the operator's",
            "tacit.sms.twilio.from", "+14155550100",
            "tacit.keystore.path", "/etc/tacit/kek.p12",
            "tacit.keystore.password", "a password of the operator's",
            "tacit.db.password", "s3cret");

    @Test
    void productionSettingsPass() {
        assertEquals(List.of(), SettingsRules.problems(TestSettings.of(PRODUCTION)));
    }

    @Test
    void theDevelopmentSmsGatewayIsRefused() {
        assertOneProblemNaming("TACIT_SMS_GATEWAY=twilio", with("tacit.sms.gateway", "development"));
    }

    @Test
    void noKeystoreOrTheDevelopmentKeystoresPasswordIsRefused() {
        assertOneProblemNaming("TACIT_KEYSTORE_PATH", with("tacit.keystore.path", null));
        assertOneProblemNaming("TACIT_KEYSTORE_PASSWORD", with("tacit.keystore.password", KeyEncryptionKey.DEVELOPMENT_PASSWORD));
    }

    @Test
    void theDefaultDatabasePasswordIsRefused() {
        assertOneProblemNaming("TACIT_DB_PASSWORD", with("tacit.db.password", null));
        assertOneProblemNaming("TACIT_DB_PASSWORD", with("tacit.db.password", "tacit"));
    }

    @Test
    void everyProblemIsReportedAtOnceInOneMessageThatNamesTheModeAndEachSetting() {
        List<String> problems = SettingsRules.problems(TestSettings.defaults());

        assertEquals(1, problems.size(), problems.toString());
        for (String named : List.of("TACIT_MODE", "TACIT_SMS_GATEWAY=twilio", "TACIT_KEYSTORE_PATH", "TACIT_DB_PASSWORD",
                "TACIT_MODE=development")) {
            assertTrue(problems.get(0).contains(named), named + " in: " + problems.get(0));
        }
    }

    @Test
    void developmentModeAllowsThem() {
        assertEquals(List.of(), SettingsRules.problems(TestSettings.of(Map.of("tacit.mode", "development"))));
    }

    /** The problems of the production settings with {@code name} set to {@code value}, or left out if null. */
    private static List<String> with(String name, String value) {
        Map<String, String> settings = new HashMap<>(PRODUCTION);
        settings.remove(name);
        if (value != null) {
            settings.put(name, value);
        }
        return SettingsRules.problems(TestSettings.of(settings));
    }

    private static void assertOneProblemNaming(String setting, List<String> problems) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Tacit refuses to start in production mode"), problems.get(0));
        assertTrue(problems.get(0).contains(setting), problems.get(0));
        assertEquals(1, problems.get(0).split("; ").length, "one unsafe setting: " + problems.get(0));
    }
}
