package dev.tacit.client.state;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A state directory survives its writer being killed at any moment: a child JVM ({@link StateWriterProcess})
 * writes generation after generation and is killed with SIGKILL at a random time, {@value #KILLS} times; after
 * each kill the state opens with the passphrase and holds one whole generation, no older than the last one the
 * child reported written.
 */
class StateDirectoryCrashIT {

    private static final int KILLS = Integer.getInteger("tacit.test.state-kills", 200);
    private static final char[] PASSPHRASE = "crash test passphrase".toCharArray();

    @TempDir
    Path directory;

    @Test
    void everyKillLeavesAStateThatOpensWithAWholeGeneration() throws Exception {
        try (StateDirectory state = StateDirectory.create(directory, PASSPHRASE, StateFixtures.CHEAP, StateFixtures.RANDOM)) {
            StateWriterProcess.write(state.state(), 1);
            state.save();
        }
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        List<Long> killedAt = new ArrayList<>();
        long lastGeneration = 1;
        for (int kill = 0; kill < KILLS; kill++) {
            Child child = Child.start(directory);
            boolean beforeReady = random.nextInt(10) == 0; // now and then, while it opens the state
            if (!beforeReady) {
                child.awaitReady();
            }
            Thread.sleep(random.nextInt(beforeReady ? 400 : 250));
            long reported = child.kill();

            try (StateDirectory state = StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM)) {
                long generation = state.generation();
                String context = "kill " + kill + " (seed " + seed + "): child reported " + reported + ", found "
                        + generation;
                // No write the child saw return, or that an earlier opening found, is lost. The child may have
                // saved more than the parent read of its output before the kill (a fresh clone's run once found
                // 11 more under load), so the output bounds the generation from below only; that what was found
                // is one whole generation, not a mix, is checked against the generation's own records below.
                assertTrue(generation >= Math.max(reported, lastGeneration), context);
                UnknownRecord payload = state.state().one(UnknownRecord.class).orElseThrow(() -> new AssertionError(context));
                assertArrayEquals(StateWriterProcess.payload(generation), payload.payload(), context);
                assertEquals(StateWriterProcess.tokens(generation), state.state().tokens(
                        dev.tacit.crypto.token.TokenPurpose.FIRST_CONTACT), context);
                lastGeneration = generation;
            }
            killedAt.add(lastGeneration);
        }
        // Each child writes several generations before it dies, so the kills fall all over the write cycle.
        assertTrue(lastGeneration > KILLS, "the children wrote: " + killedAt);
        try (var files = Files.list(directory)) {
            assertEquals(List.of(StateDirectory.LOCK_FILE, StateDirectory.STATE_FILE),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    /** A writer JVM and what it has reported. */
    private static final class Child {

        private final Process process;
        private final AtomicLong saved = new AtomicLong(-1);
        private final CountDownLatch ready = new CountDownLatch(1);
        private final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "state-writer-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path directory) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            return new Child(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                    "-cp", classpath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                    StateWriterProcess.class.getName(), directory.toString(), new String(PASSPHRASE))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("ready ")) {
                        saved.set(Long.parseLong(line.substring(6)));
                        ready.countDown();
                    } else if (line.startsWith("saved ")) {
                        saved.set(Long.parseLong(line.substring(6)));
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        }

        void awaitReady() throws InterruptedException {
            if (!ready.await(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the writer did not open the state");
            }
        }

        /** Kills the child with SIGKILL; returns the last generation it reported written (-1: none). */
        long kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
            reader.join(10_000);
            return saved.get();
        }
    }
}
