package dev.tacit.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.KeyGenerator;

import dev.tacit.client.account.AccountClient;
import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.transport.DirectTransport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run command as a user meets it ({@code mvn -Prun package}, README "Two commands"): the launcher in a JVM
 * of its own, started, used through the client library with the README's own registration example, stopped
 * with SIGTERM and started again. Accounts, keys and the installation outlive a restart, with the built-in
 * PostgreSQL and with one of the operator's; what keeps Tacit from starting is said at once, with its cause.
 */
class LocalServerIT {

    private static final String NUMBER = "+14155550100"; // the README example's number
    private static final Pattern LOG_TIMESTAMP = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3}) ERROR",
            Pattern.MULTILINE);

    private static Path work;
    private static int portOffset;
    private static ReadmeRegistration.Runner readmeExample;

    @BeforeAll
    static void compileTheReadmeExample() throws IOException {
        work = Path.of(LauncherProcess.requiredProperty("tacit.test.work.dir"));
        Directories.delete(work);
        Files.createDirectories(work);
        portOffset = Integer.getInteger("tacit.test.port.offset", 0);
        readmeExample = ReadmeRegistration.compile(Path.of(LauncherProcess.requiredProperty("tacit.readme")),
                work.resolve("readme-example"), new WildFlyPorts(portOffset).localOrigin());
    }

    @Test
    void withTheBuiltInDatabaseAnAccountOutlivesARestart() throws Exception {
        Path run = work.resolve("built-in");
        AccountSetup account;
        UUID installation;
        try (LauncherProcess first = LauncherProcess.start(run, portOffset, "first", List.of())) {
            first.awaitReady();
            account = readmeExample.run(() -> textedCode(run));
            installation = client().server().instanceId();
        }

        try (LauncherProcess second = LauncherProcess.start(run, portOffset, "second", List.of())) {
            second.awaitReady();
            assertEquals(installation, client().server().instanceId(), "the same installation");
            assertEquals(NUMBER, signedIn(account).describe().getString("number"), "the account still signs in");
        }
    }

    /**
     * With the operator's PostgreSQL ({@code -Dtacit.db.*}, password included) and no keystore, the run's
     * development keystore lasts as long as the data; a keystore that does not match the data fails the
     * deployment, which the launcher reports at once with the server's reason, and a missing one is refused
     * before WildFly starts.
     */
    @Test
    void withAnOwnDatabaseAndNoKeystoreAnAccountOutlivesARestartAndAWrongKeystoreIsNamed() throws Exception {
        Path run = work.resolve("own-database");
        try (LocalPostgres own = LocalPostgres.start(work.resolve("own-postgres"))) {
            DatabaseSettings database = own.applicationDatabase("tacit", "tacit", randomHex());
            List<String> settings = List.of("-Dtacit.db.host=localhost", "-Dtacit.db.port=" + database.port(),
                    "-Dtacit.db.password=" + database.password());
            AccountSetup account;
            try (LauncherProcess first = LauncherProcess.start(run, portOffset, "first", settings)) {
                first.awaitReady();
                account = readmeExample.run(() -> textedCode(run));
            }
            try (LauncherProcess second = LauncherProcess.start(run, portOffset, "second", settings)) {
                second.awaitReady();
                assertEquals(NUMBER, signedIn(account).describe().getString("number"));
            }

            Path otherKeystore = newKeystore(work.resolve("other-kek.p12"), "changeit");
            List<String> withOtherKeystore = new ArrayList<>(settings);
            withOtherKeystore.add("-Dtacit.keystore.path=" + otherKeystore);
            withOtherKeystore.add("-Dtacit.keystore.password=changeit");
            Path log = run.resolve("standalone/log/server.log");
            long logBefore = Files.size(log);
            try (LauncherProcess wrongKey = LauncherProcess.start(run, portOffset, "wrong-key", withOtherKeystore)) {
                assertEquals(1, wrongKey.awaitExit(), wrongKey.launcherLines());
                String said = wrongKey.launcherLines();
                assertTrue(said.contains(LocalServer.DEPLOYMENT_FAILED + ": java.lang.IllegalStateException: The"
                        + " key-encryption key from the keystore " + otherKeystore + " does not open the secrets and"
                        + " keys stored in this database"), said);
                String thisRunsLog = Files.readString(log, StandardCharsets.UTF_8).substring((int) logBefore);
                assertFalse(thisRunsLog.contains("Reporting health down status"), "no readiness polling before the"
                        + " deployment is done");
                reportLatency(thisRunsLog, wrongKey.endedAt());
            }

            Files.delete(run.resolve("standalone/data/tacit/development-kek.p12"));
            long logBeforeMissing = Files.size(log);
            try (LauncherProcess noKey = LauncherProcess.start(run, portOffset, "no-key", settings)) {
                assertEquals(1, noKey.awaitExit(), noKey.launcherLines());
                assertTrue(noKey.launcherLines().contains("holds Tacit's keys, sealed under a key-encryption key, but"
                        + " no keystore is configured"), noKey.launcherLines());
                assertTrue(noKey.launcherLines().contains("DROP SCHEMA tacit CASCADE"), noKey.launcherLines());
                assertEquals(logBeforeMissing, Files.size(log), "WildFly was not started");
            }
        }
    }

    @Test
    void whatCanBeCheckedBeforeStartingIsCheckedAndSaidWithItsFix() throws Exception {
        Path run = work.resolve("checks");
        WildFlyPorts ports = new WildFlyPorts(portOffset);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.management()));
            try (LauncherProcess launcher = LauncherProcess.start(run, portOffset, "port-taken", List.of())) {
                assertEquals(1, launcher.awaitExit());
                assertTrue(launcher.launcherLines().contains("Port " + ports.management() + " (WildFly's management"
                        + " and health port) is in use"), launcher.launcherLines());
                assertTrue(launcher.launcherLines().contains("-D" + WildFlyPorts.OFFSET_SETTING + "="),
                        launcher.launcherLines());
            }
        }

        try (LocalPostgres own = LocalPostgres.start(work.resolve("checks-postgres"))) {
            DatabaseSettings database = own.applicationDatabase("tacit", "tacit", randomHex());
            try (Connection superuser = DriverManager.getConnection("jdbc:postgresql://localhost:" + own.port()
                    + "/tacit", LocalPostgres.SUPERUSER, ""); Statement statement = superuser.createStatement()) {
                statement.execute("REVOKE CREATE ON DATABASE tacit FROM tacit");
            }
            List<String> settings = List.of("-Dtacit.db.host=localhost", "-Dtacit.db.port=" + database.port());
            try (LauncherProcess launcher = LauncherProcess.start(run, portOffset, "wrong-password", settings)) {
                assertEquals(1, launcher.awaitExit());
                assertTrue(launcher.launcherLines().contains("Cannot use the PostgreSQL database tacit@localhost:"
                        + database.port() + "/tacit: FATAL: password authentication failed"), launcher.launcherLines());
            }
            List<String> withPassword = List.of("-Dtacit.db.host=localhost", "-Dtacit.db.port=" + database.port(),
                    "-Dtacit.db.password=" + database.password());
            try (LauncherProcess launcher = LauncherProcess.start(run, portOffset, "no-rights", withPassword)) {
                assertEquals(1, launcher.awaitExit());
                assertTrue(launcher.launcherLines().contains("The user tacit may not create the schema tacit in"
                        + " database tacit. As the database's owner or a superuser, run: GRANT CREATE ON DATABASE"
                        + " tacit TO tacit;"), launcher.launcherLines());
            }
        }
    }

    private static RegistrationClient client() {
        return new RegistrationClient(api());
    }

    private static DirectTransport api() {
        return DirectTransport.to(URI.create(new WildFlyPorts(portOffset).localOrigin()));
    }

    private static AccountClient signedIn(AccountSetup account) {
        return new AccountClient(api(), account.number(), account.identity(), Clock.systemUTC(), new SecureRandom());
    }

    /** The code the development SMS gateway "sent": the README's way for a local run. */
    private static String textedCode(Path run) {
        return DevelopmentOutbox.code(run, NUMBER);
    }

    /** How long after WildFly's first error the launcher had reported it and stopped; measured, not asserted. */
    private static void reportLatency(String log, Instant launcherEnded) {
        Matcher error = LOG_TIMESTAMP.matcher(log);
        if (error.find()) {
            Instant logged = LocalDateTime.parse(error.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"))
                    .atZone(ZoneId.systemDefault()).toInstant();
            System.out.println("[LocalServerIT] failed deployment: launcher done " + Duration.between(logged,
                    launcherEnded).toMillis() + " ms after WildFly logged the error");
        }
    }

    private static Path newKeystore(Path path, String password) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setEntry("tacit-kek", new KeyStore.SecretKeyEntry(generator.generateKey()),
                new KeyStore.PasswordProtection(password.toCharArray()));
        try (OutputStream out = Files.newOutputStream(path)) {
            keyStore.store(out, password.toCharArray());
        }
        return path;
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
