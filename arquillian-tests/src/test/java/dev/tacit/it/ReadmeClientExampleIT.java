package dev.tacit.it;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestDiscovery;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TestPorts;
import dev.tacit.client.TacitClient;
import dev.tacit.client.messages.TokenState;
import dev.tacit.client.state.Argon2idParameters;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.TokenPurpose;
import dev.tacit.local.ReadmeRegistration;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's {@code TacitClient} example ("The client in one object"), taken from the README as it stands,
 * compiled against the client library with every warning an error and run against the server under test (it
 * registers, asks for the account's status and looks a number up): so it cannot drift from the API or stop
 * working. Only what a reader would change is changed: the server's
 * address, the state directory, the proxy (a SOCKS5 proxy on loopback instead of Tor), the numbers (fresh
 * ones), the passphrase and the texted code (from the SMS provider stub).
 */
@ExtendWith(ArquillianExtension.class)
class ReadmeClientExampleIT {

    private static final String MARKER = "<!-- tacit-client-example -->";
    private static final String MESSAGING_MARKER = "<!-- tacit-messaging-example -->";
    private static final String CLASS_NAME = "ReadmeClientExample";
    private static final String PASSPHRASE = "the README's passphrase";

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @TempDir
    Path work;

    @Test
    void theExampleRegistersAndLooksANumberUp() throws Exception {
        String number = numbers.next();
        String contact = numbers.next();
        Path stateDirectory = work.resolve("state");
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            Map<String, String> replacements = new LinkedHashMap<>();
            replacements.put("Path.of(System.getProperty(\"user.home\"), \".tacit\")",
                    "Path.of(\"" + stateDirectory.toString().replace("\\", "\\\\") + "\")");
            replacements.put("\"http://localhost:8080\"", "\"http://localhost:" + TestPorts.http() + "\"");
            replacements.put("SocksProxy.TOR", "new SocksProxy(\"" + proxy.address().host() + "\", "
                    + proxy.address().port() + ")");
            replacements.put("\"+14155550100\"", "\"" + number + "\"");
            replacements.put("\"+14155550101\"", "\"" + contact + "\"");

            run(compile(MARKER, replacements, number, "", ""));

            try (StateDirectory state = StateDirectory.open(stateDirectory, PASSPHRASE.toCharArray(), new SecureRandom())) {
                assertEquals(number, state.state().account().orElseThrow().number().e164());
                assertEquals(5, state.state().tokens(TokenPurpose.FIRST_CONTACT).size());
                assertEquals(TestDiscovery.server().discoveryTokensPerWindow() - 1,
                        state.state().tokens(TokenPurpose.DISCOVERY).size(), "the look-up spent one discovery token");
            }
            assertEquals(1, proxy.connections().size(), "the look-up, and nothing else, went through the proxy");
            assertTrue(proxy.connections().get(0).relayed().startsWith("POST /v1/discovery/lookup "));
        }
    }

    /**
     * The README's messaging example, run by Alice's {@code client} as the first example leaves it (registered, the
     * proxy a SOCKS5 proxy on loopback): a first contact to Bob, a read of the mailbox, due releases and a token
     * check; what it did is checked on the server and in Alice's state.
     */
    @Test
    void theMessagingExampleSendsReadsAndAsksAboutItsToken() throws Exception {
        Path stateDirectory = work.resolve("alice");
        String alice = numbers.next();
        String bob = numbers.next();
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            for (String number : List.of(alice, bob)) {
                Path directory = number.equals(alice) ? stateDirectory : work.resolve("bob");
                try (StateDirectory state = StateDirectory.create(directory, PASSPHRASE.toCharArray(),
                        new Argon2idParameters(64, 1, 1), new SecureRandom());
                     TacitClient client = TacitClient.builder(state).server(URI.create("http://localhost:"
                             + TestPorts.http())).build()) {
                    client.requestCode(PhoneNumber.of(number));
                    client.register(SmsProviderStub.latestCodeFor(number).orElseThrow());
                }
            }
            String opening = "try (dev.tacit.client.state.StateDirectory state = dev.tacit.client.state.StateDirectory"
                    + ".open(java.nio.file.Path.of(\"" + stateDirectory.toString().replace("\\", "\\\\") + "\"), \""
                    + PASSPHRASE + "\".toCharArray(), new java.security.SecureRandom());\n"
                    + "     TacitClient client = TacitClient.builder(state).proxy(new dev.tacit.client.transport.SocksProxy(\""
                    + proxy.address().host() + "\", " + proxy.address().port() + ")).build()) {\n";

            run(compile(MESSAGING_MARKER, Map.of("\"+14155550101\"", "\"" + bob + "\""), alice, opening, "}"));

            assertEquals(1, TestDatabase.mailboxSize(bob), "the first contact reached Bob's mailbox");
            try (StateDirectory state = StateDirectory.open(stateDirectory, PASSPHRASE.toCharArray(), new SecureRandom())) {
                assertEquals(4, state.state().tokens(TokenPurpose.FIRST_CONTACT).size());
                assertEquals(TokenState.ATTACHED, state.state().sentTokens().get(0).lastState(),
                        "the refresh asked, and Bob holds the token");
                assertEquals(1, state.state().conversation(PhoneNumber.of(bob)).stream().count());
            }
            assertEquals(List.of("POST /v1/discovery/lookup", "POST /v1/messages", "POST /v1/first-contact-tokens/state"),
                    proxy.connections().stream().map(c -> c.relayed().substring(0, c.relayed().indexOf(" HTTP/1.1")))
                            .toList());
        }
    }

    /**
     * The example after {@code marker} as the body of a method, between {@code before} and {@code after}, with
     * {@code replacements} made (each must be found), compiled.
     */
    private Path compile(String marker, Map<String, String> replacements, String number, String before, String after)
            throws Exception {
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : ReadmeRegistration.example(Path.of(System.getProperty("tacit.readme")), marker)) {
            (line.startsWith("import ") ? imports : body).add(line);
        }
        String code = before + String.join("\n", body) + "\n" + after;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            assertTrue(code.contains(replacement.getKey()), "the README's example no longer has " + replacement.getKey()
                    + "; update this test with it");
            code = code.replace(replacement.getKey(), replacement.getValue());
        }
        String source = String.join("\n", imports) + "\n\npublic class " + CLASS_NAME + " {\n"
                + "    static char[] askTheUserForAPassphrase() { return \"" + PASSPHRASE + "\".toCharArray(); }\n"
                + "    static String askTheUserForTheCode() {\n"
                + "        return dev.tacit.arquillian.SmsProviderStub.latestCodeFor(\"" + number + "\").orElseThrow();\n"
                + "    }\n"
                + "    public static void run() throws Exception {\n" + code + "\n    }\n}\n";
        Path directory = Files.createDirectories(Path.of(System.getProperty("tacit.test.work.dir")));
        Path file = directory.resolve(CLASS_NAME + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        ReadmeRegistration.compileStrictly(file, directory);
        return directory;
    }

    private static void run(Path classes) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeClientExampleIT.class.getClassLoader())) {
            loader.loadClass(CLASS_NAME).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
