package dev.tacit.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's {@code TacitClient} example ("The client in one object"), taken from the README as it stands and
 * compiled against the client library with every warning an error, so it cannot drift from the API.
 * {@code ClientTransportsIT} runs the same calls against the real server.
 */
class ReadmeClientExampleTest {

    private static final String MARKER = "<!-- tacit-client-example -->";

    @Test
    void theClientExampleCompiles() throws IOException {
        Path readme = Path.of(LauncherProcess.requiredProperty("tacit.readme"));
        Path directory = Path.of(LauncherProcess.requiredProperty("tacit.test.work.dir"));
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : ReadmeRegistration.example(readme, MARKER)) {
            (line.startsWith("import ") ? imports : body).add(line);
        }
        assertTrue(body.stream().anyMatch(line -> line.contains("TacitClient.builder(")), "the example builds a client");
        String source = String.join("\n", imports) + "\n\npublic class ReadmeClientExample {\n"
                + "    static char[] askTheUserForAPassphrase() { return \"passphrase\".toCharArray(); }\n"
                + "    static String askTheUserForTheCode() { return \"000000\"; }\n"
                + "    public static void run() throws Exception {\n"
                + String.join("\n", body) + "\n    }\n}\n";
        Files.createDirectories(directory);
        Path file = directory.resolve("ReadmeClientExample.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);

        ReadmeRegistration.compileStrictly(file, directory);

        assertTrue(Files.isRegularFile(directory.resolve("ReadmeClientExample.class")));
    }
}
