package dev.tacit.it;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TestPorts;
import dev.tacit.cli.ExitCode;
import dev.tacit.cli.TacitCli;
import dev.tacit.client.transport.LoopbackSocksProxy;

import picocli.CommandLine;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tacit} against the real server, as a user runs it: register in two runs (the code from the SMS
 * provider stub), then status, tokens and discover, with the proxy up and down.
 */
@ExtendWith(ArquillianExtension.class)
class CommandLineIT {

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @TempDir
    Path home;

    @Test
    void registersInTwoRunsAndReportsTheAccount() throws Exception {
        String number = numbers.next();
        Path passphrase = Files.writeString(home.resolve("passphrase"), "a passphrase for the test\n");
        try (LoopbackSocksProxy proxy = LoopbackSocksProxy.start()) {
            List<String> common = List.of("--state-dir", home.resolve("state").toString(), "--passphrase-file",
                    passphrase.toString(), "--proxy", proxy.address().toString(), "--json");

            JsonObject sent = run(common, "register", "--server", "http://localhost:" + TestPorts.http(), "--number", number);
            assertEquals(number, sent.getString("number"));
            String code = SmsProviderStub.latestCodeFor(number).orElseThrow();
            JsonObject registered = run(common, "register", "--code", code);
            assertEquals(5, registered.getInt("tokensReceived"));

            JsonObject status = run(common, "status");
            assertEquals(number, status.getString("number"));
            assertEquals(5, status.getInt("tokensIssued"));
            assertEquals(5, status.getInt("unspentFirstContactTokens"));
            assertTrue(status.getBoolean("keysMatch"));
            assertTrue(status.getJsonObject("proxy").getBoolean("reachable"));
            assertEquals(1, proxy.connections().size(), "only the proxy check went through the proxy");
            assertFalse(proxy.connections().get(0).relayed().contains("/v1/account"));
            assertEquals(5, run(common, "tokens").getInt("firstContact"));

            String stranger = numbers.next();
            JsonObject discovered = run(common, "discover", number, stranger);
            List<JsonObject> results = discovered.getJsonArray("results").getValuesAs(JsonObject.class);
            assertEquals(List.of(number, stranger), results.stream().map(r -> r.getString("number")).toList());
            assertEquals(List.of(true, false), results.stream().map(r -> r.getBoolean("registered")).toList());
            assertEquals(2, proxy.connections().size(), "the look-up went through the proxy");
            assertTrue(proxy.connections().get(1).relayed().startsWith("POST /v1/discovery/lookup "));
            int tokensLeft = discovered.getInt("discoveryTokensLeft");
            assertEquals(tokensLeft, run(common, "tokens").getInt("discovery"));

            proxy.close();
            JsonObject withoutProxy = run(common, "status");
            assertFalse(withoutProxy.getJsonObject("proxy").getBoolean("reachable"));
            assertEquals(number, withoutProxy.getString("number"), "signed requests do not need the proxy");
            JsonObject notSent = run(ExitCode.PROXY_UNREACHABLE, common, "discover", stranger);
            assertEquals("proxy-unreachable", notSent.getJsonObject("error").getString("kind"));
            assertEquals(tokensLeft, run(common, "tokens").getInt("discovery"), "no token spent");
        }
    }

    private static JsonObject run(List<String> common, String... arguments) {
        return run(ExitCode.OK, common, arguments);
    }

    private static JsonObject run(ExitCode expected, List<String> common, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(common);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TacitCli.commandLine(new TacitCli());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(all.toArray(String[]::new));
        assertEquals(expected.code(), exit, out + "\n" + err);
        return Json.createReader(new StringReader(out.toString())).readObject();
    }
}
