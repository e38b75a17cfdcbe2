package dev.tacit.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerLogTest {

    private static final String EARLIER_RUN = """
            2026-11-29 10:00:00,000 ERROR [org.example] (main) an error of yesterday's run
            """;
    private static final String THIS_RUN = """
            2026-11-30 18:17:35,036 INFO  [org.hibernate.jpa.internal.util.LogHelper] (ServerService Thread Pool -- 85) HHH000204: Processing PersistenceUnitInfo [name: tacit]
            2026-11-30 18:17:55,939 ERROR [org.jboss.msc.service.fail] (ServerService Thread Pool -- 90) MSC000001: Failed to start service jboss.deployment.subunit."tacit.ear"."tacit-ejb.jar".component.KeyEncryptionKeyCheck.START: org.jboss.msc.service.StartException in service
            \tat org.jboss.as.ee@38.0.1.Final//org.jboss.as.ee.component.BasicComponent.constructComponentInstance(BasicComponent.java:57)
            Caused by: java.lang.IllegalStateException: WFLYEE0042: Failed to construct component instance
            \t... 6 more
            Caused by: java.lang.IllegalStateException: The key-encryption key does not open the secrets
            \tat deployment.tacit.ear.tacit-ejb.jar//dev.tacit.server.keys.KeyEncryptionKeyCheck.confirm(KeyEncryptionKeyCheck.java:64)
            2026-11-30 18:17:56,537 ERROR [org.jboss.as.controller.management-operation] (Controller Boot Thread) WFLYCTL0013: Operation ("deploy") failed
            Caused by: a later error's cause
            """;

    @TempDir
    Path directory;

    @Test
    void theFirstErrorOfThisRunWithItsInnermostCause() throws Exception {
        Path file = directory.resolve("server.log");
        Files.writeString(file, EARLIER_RUN);
        ServerLog log = ServerLog.fromNowOn(file);
        Files.writeString(file, EARLIER_RUN + THIS_RUN);

        ServerLog.Error error = log.firstError().orElseThrow();

        assertTrue(error.message().startsWith("MSC000001: Failed to start service jboss.deployment.subunit"), error.message());
        assertEquals(Optional.of("java.lang.IllegalStateException: The key-encryption key does not open the secrets"),
                error.rootCause());
        assertTrue(log.contains("HHH000204"));
        assertFalse(log.contains("yesterday"));
    }

    @Test
    void aLogRotatedSinceIsReadFromItsStart() throws Exception {
        Path file = directory.resolve("server.log");
        Files.writeString(file, EARLIER_RUN.repeat(3));
        ServerLog log = ServerLog.fromNowOn(file);
        Files.move(file, directory.resolve("server.log.2026-11-29")); // rotated: a new file
        Files.writeString(file, THIS_RUN.lines().findFirst().orElseThrow() + "\n" + EARLIER_RUN.repeat(3));

        assertTrue(log.contains("HHH000204"));
        assertEquals("an error of yesterday's run", log.firstError().orElseThrow().message());
    }
}
