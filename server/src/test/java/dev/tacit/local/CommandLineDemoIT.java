package dev.tacit.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's demo as a user runs it: the run command ({@code mvn -Prun package}'s launcher, as
 * {@link LocalServerIT} starts it), then the demo command line the README shows, taken from the README, run from the
 * checkout's root with the jar the build made — given only this run's address and outbox, which the README says how to
 * give when they differ from the defaults. Its output must tell the whole story.
 */
class CommandLineDemoIT {

    private static final String DEMO_MARKER = "<!-- tacit-demo -->";

    @Test
    void theReadmesDemoRunsAgainstALocalRun() throws Exception {
        Path work = Path.of(LauncherProcess.requiredProperty("tacit.test.work.dir"), "demo");
        Directories.delete(work);
        Files.createDirectories(work);
        int portOffset = Integer.getInteger("tacit.test.port.offset", 0);
        List<String> command = readmeDemoCommand();
        assertEquals(List.of("java", "-jar", "client-cli/target/tacit-cli.jar", "demo"), command);

        Path run = work.resolve("run");
        try (LauncherProcess launcher = LauncherProcess.start(run, portOffset, "demo", List.of())) {
            launcher.awaitReady();
            List<String> demo = new ArrayList<>(command);
            demo.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
            demo.addAll(List.of("--server", new WildFlyPorts(portOffset).localOrigin(),
                    "--sms-outbox", run.resolve("standalone/data/tacit/sms-outbox").toString(),
                    "--work-dir", work.resolve("states").toString()));
            Path output = work.resolve("demo-output.txt");
            Process process = new ProcessBuilder(demo).directory(Path.of(LauncherProcess.requiredProperty(
                    "tacit.project.dir")).toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the demo did not finish:\n" + read(output));
            }
            String said = read(output);
            System.out.println("[CommandLineDemoIT] the demo's output:\n" + said);
            assertEquals(0, process.exitValue(), said);
            for (String expected : List.of(
                    "Alice    registered +1",
                    "Alice    sent Bob a first contact",
                    "server: Bob's mailbox holds 1 message(s): received ",
                    "paid with a token (handle only), no sender; Alice's token is attached",
                    "Bob      read a first contact from Alice (certificate checked against the pinned CA): \"Hi Bob",
                    "Bob      replied to Alice, signed as an anonymous member of Alice's group: no token (5 tokens left)",
                    "group-signed, no sender",
                    "Alice    read a message from Bob (certificate checked against the pinned CA): \"Hi Alice!",
                    "Bob      planned the release of Alice's token for ",
                    "Bob      sent the release when its time came (1 release)",
                    "server: Alice's token is released",
                    "exchanged it, anonymously, for a new one: 5 tokens",
                    "server: Alice's token is refreshed",
                    "Mallory  sent Bob 5 unwanted first contacts, one token each, then could not send another: out of"
                            + " tokens",
                    "server: Mallory's tokens are burned, burned, burned, burned, burned",
                    "Mallory is out of tokens and cannot start a conversation with anyone",
                    "No sender, no client address.")) {
                assertTrue(said.contains(expected), "the demo says \"" + expected + "\":\n" + said);
            }
            assertTrue(said.matches("(?s).*The proxy carried (\\d+) anonymous connections with \\1 distinct"
                    + " credentials.*"), "each anonymous connection had credentials of its own:\n" + said);
        }
    }

    /** The demo's command line in the README: the line of the block after the marker that runs the demo. */
    private static List<String> readmeDemoCommand() throws IOException {
        String readme = Files.readString(Path.of(LauncherProcess.requiredProperty("tacit.readme")), StandardCharsets.UTF_8);
        int marker = readme.indexOf(DEMO_MARKER);
        assertTrue(marker >= 0, "the README marks its demo block with " + DEMO_MARKER);
        String block = readme.substring(readme.indexOf("```", marker), readme.indexOf("```", readme.indexOf("```",
                marker) + 3));
        String line = block.lines().filter(l -> l.contains(" demo")).findFirst().orElseThrow(() ->
                new AssertionError("no demo command in the README's demo block:\n" + block));
        String command = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        return List.of(command.trim().split("\\s+"));
    }

    private static String read(Path output) throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
