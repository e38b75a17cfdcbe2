package dev.tacit.server.startup;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What production mode refuses, each with what to set instead. */
class ProductionSafetyTest {

    private static final Optional<String> KEYSTORE = Optional.of("/etc/tacit/kek.p12");
    private static final Optional<String> PASSWORD = Optional.of("a password of the operator's");

    @Test
    void productionSettingsPass() {
        assertEquals(List.of(), ProductionSafety.problems("twilio", KEYSTORE, PASSWORD, "s3cret"));
    }

    @Test
    void theDevelopmentSmsGatewayIsRefused() {
        assertOneProblemNaming("TACIT_SMS_GATEWAY=twilio",
                ProductionSafety.problems("development", KEYSTORE, PASSWORD, "s3cret"));
    }

    @Test
    void noKeystoreOrTheDevelopmentKeystoresPasswordIsRefused() {
        assertOneProblemNaming("TACIT_KEYSTORE_PATH", ProductionSafety.problems("twilio", Optional.empty(), PASSWORD, "s3cret"));
        assertOneProblemNaming("TACIT_KEYSTORE_PATH", ProductionSafety.problems("twilio", Optional.of(" "), PASSWORD, "s3cret"));
        assertOneProblemNaming("TACIT_KEYSTORE_PASSWORD", ProductionSafety.problems("twilio", KEYSTORE,
                Optional.of(ProductionSafety.DEVELOPMENT_KEYSTORE_PASSWORD), "s3cret"));
    }

    @Test
    void theDefaultOrAnEmptyDatabasePasswordIsRefused() {
        assertOneProblemNaming("TACIT_DB_PASSWORD", ProductionSafety.problems("twilio", KEYSTORE, PASSWORD, "tacit"));
        assertOneProblemNaming("TACIT_DB_PASSWORD", ProductionSafety.problems("twilio", KEYSTORE, PASSWORD, ""));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertEquals(3, ProductionSafety.problems("development", Optional.empty(), Optional.empty(), "tacit").size());
    }

    private static void assertOneProblemNaming(String setting, List<String> problems) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(setting), problems.get(0));
    }
}
