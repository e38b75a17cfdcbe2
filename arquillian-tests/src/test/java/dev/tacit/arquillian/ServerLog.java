package dev.tacit.arquillian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The log of the server under test, {@code standalone/log/server.log} of the build's WildFly, for tests that
 * check what the server logs. The handler flushes every record, so a line is there once its request is answered.
 */
public final class ServerLog {

    private static long suiteStart;

    private ServerLog() {
    }

    /** Remembers where the log ends before the suite starts the server: see {@link #linesOfThisSuite()}. */
    static synchronized void markSuiteStart() {
        suiteStart = Files.exists(path()) ? end() : 0;
    }

    /** Every line the server under test logged since this suite started it (earlier runs' lines excluded). */
    public static synchronized List<String> linesOfThisSuite() {
        return linesAfter(suiteStart);
    }

    public static Path path() {
        String home = System.getProperty("tacit.wildfly.home");
        if (home == null) {
            throw new IllegalStateException("system property tacit.wildfly.home is not set; run the tests with Maven");
        }
        return Path.of(home, "standalone", "log", "server.log");
    }

    /** Where the log ends now, to read only what comes after with {@link #linesAfter}. */
    public static long end() {
        try {
            return Files.size(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines written after {@code mark} (a value of {@link #end()}). */
    public static List<String> linesAfter(long mark) {
        try {
            byte[] log = Files.readAllBytes(path());
            int from = (int) Math.min(mark, log.length);
            return new String(log, from, log.length - from, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole log. */
    public static String text() {
        try {
            return Files.readString(path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
