package dev.tacit.arquillian;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.KeyGenerator;

import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * Runs the server under test as production runs it: in production mode (the default), with a key-encryption
 * keystore of the suite's own under {@code target/}. The database password is the suite's own too
 * ({@link TestDatabase}), and the SMS gateway the real Twilio one, pointed at {@link SmsProviderStub}
 * ({@link SmsProviderStubObserver}). Also sets a small per-account limit on signed requests,
 * {@link #SIGNED_REQUESTS_PER_ACCOUNT} per {@link #SIGNED_REQUESTS_PERIOD}, so that a test can spend it; the
 * period keeps a realistic length, since tests move the server's clock ({@link ServerClock}) instead of waiting.
 * Wake-up streams get a one-second keep-alive and a small bound on open streams, for the same reason.
 * The batch jobs' timers wait a day ({@link #JOB_INTERVAL}): the jobs run when a test moves the clock, as the time
 * passed would have made them, or when a test starts one ({@link BatchJobs}), never unbidden in the middle of a
 * test that counts what an execution did. Bulk senders trust the anchors a test writes into
 * {@link BulkSenderPki#TRUST_ANCHORS} (read at each proof), checking revocation by CRL, the default.
 */
public class ServerSettingsObserver {

    /** Small enough to spend in a test, above the 50 concurrent requests of one account of DiscoveryAllowanceIT. */
    public static final int SIGNED_REQUESTS_PER_ACCOUNT = 60;
    public static final Duration SIGNED_REQUESTS_PERIOD = Duration.ofHours(1);

    /** Short, so that a test sees keep-alives (and the server notices closed streams) within seconds. */
    public static final Duration STREAM_KEEP_ALIVE = Duration.ofSeconds(1);
    /** Small enough for a test to reach with a few accounts' streams (four each, the default). */
    public static final int STREAMS_OVERALL = 12;
    public static final Duration JOB_INTERVAL = Duration.ofDays(1);
    /** Small enough for a test to fill an account's chain of group key updates (protocol §4.29). */
    public static final int GROUP_MAX_UPDATES = 8;
    /** Small enough for a test to make the server build a group's verifier tables with a few replies. */
    public static final int GROUP_PROMOTION_REPLIES = 8;
    /** Small enough to spend in a test, concurrently too; the period stays the default, 30 days. */
    public static final int BULK_SENDER_TOKENS_PER_PERIOD = 25;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private Instance<ContainerRegistry> containers;

    /** After the database (precedence 1000), before the container controller (precedence 0). */
    public void configure(@Observes(precedence = 500) BeforeSuite event) {
        Path keystore = Path.of(System.getProperty("tacit.test.keystore", "target/test-keystore/tacit-kek.p12"));
        String keystorePassword = keystorePassword(keystore);
        ContainerJvmArguments.append(containers.get(), String.join(" ",
                "-Dtacit.keystore.path=" + keystore.toAbsolutePath(),
                "-Dtacit.keystore.password=" + keystorePassword,
                "-Dtacit.signed-requests.per-account=" + SIGNED_REQUESTS_PER_ACCOUNT,
                "-Dtacit.signed-requests.period=" + SIGNED_REQUESTS_PERIOD,
                "-Dtacit.streams.keep-alive=" + STREAM_KEEP_ALIVE,
                "-Dtacit.streams.overall=" + STREAMS_OVERALL,
                "-Dtacit.jobs.process-delayed-releases.interval=" + JOB_INTERVAL,
                "-Dtacit.jobs.expire-discovery-tokens.interval=" + JOB_INTERVAL,
                "-Dtacit.jobs.purge-expired-records.interval=" + JOB_INTERVAL,
                "-Dtacit.groups.max-updates=" + GROUP_MAX_UPDATES,
                "-Dtacit.group-verifiers.promotion-replies=" + GROUP_PROMOTION_REPLIES,
                "-Dtacit.bulk-senders.trust-anchors=" + BulkSenderPki.TRUST_ANCHORS,
                "-Dtacit.bulk-senders.tokens-per-period=" + BULK_SENDER_TOKENS_PER_PERIOD));
    }

    /**
     * The password of the suite's keystore, made with the keystore on first use and kept beside it: the
     * secrets a server stores in an operator's database stay readable from one run of the suite to the next.
     */
    private static String keystorePassword(Path keystore) {
        Path passwordFile = keystore.resolveSibling(keystore.getFileName() + ".password");
        try {
            if (Files.exists(keystore) && Files.exists(passwordFile)) {
                return Files.readString(passwordFile).strip();
            }
            String password = HexFormat.of().formatHex(RANDOM.generateSeed(16));
            writeKeystore(keystore, password);
            Files.writeString(passwordFile, password);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the test keystore's password in " + passwordFile, e);
        }
    }

    /** A PKCS#12 keystore with an AES-256 key under the alias the server reads, {@code tacit-kek}. */
    private static void writeKeystore(Path path, String password) {
        try {
            KeyGenerator aes = KeyGenerator.getInstance("AES");
            aes.init(256, RANDOM);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setEntry("tacit-kek", new KeyStore.SecretKeyEntry(aes.generateKey()),
                    new KeyStore.PasswordProtection(password.toCharArray()));
            Files.createDirectories(path.getParent());
            try (OutputStream out = Files.newOutputStream(path)) {
                keyStore.store(out, password.toCharArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test keystore " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test keystore", e);
        }
    }
}
