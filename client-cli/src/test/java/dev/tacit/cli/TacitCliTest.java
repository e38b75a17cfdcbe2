package dev.tacit.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.tacit.client.LoopbackServer;
import dev.tacit.client.LoopbackServer.Answer;

import picocli.CommandLine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line against a real HTTP server on loopback: its output, and an exit code per kind of outcome. */
class TacitCliTest {

    @TempDir
    Path home;

    private LoopbackServer server;
    private Path passphrase;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackServer.start();
        server.answer("/v1/server", Answer.json(200, "{\"instanceId\":\"5f0c3e0a-8f43-4f87-9d59-3c1f6a2b7d10\","
                + "\"since\":\"2026-11-25T08:53:19Z\",\"protocolVersion\":1,\"publicOrigin\":\"" + server.origin()
                + "\",\"issuerName\":\"localhost\",\"discoveryWindowSeconds\":86400,\"discoveryTokensPerWindow\":100,"
                + "\"reputationStampsPerToken\":3,\"reputationTokensPerPeriod\":5,\"reputationPeriodSeconds\":2592000}"));
        passphrase = Files.writeString(home.resolve("passphrase"), "correct horse battery staple\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void helpExplainsEveryCommandAndTheExitCodes() {
        Run help = run("--help");

        assertEquals(0, help.exit);
        for (String command : List.of("register", "discover", "send", "inbox", "reply", "release", "report-spam",
                "tokens", "rotate-keys", "block", "status", "bulk-sender", "demo")) {
            assertTrue(help.out.contains("  " + command + "  "), help.out);
            Run commandHelp = run(command, "--help");
            assertEquals(0, commandHelp.exit, command);
            assertTrue(commandHelp.out.contains("Usage: tacit " + command), commandHelp.out);
        }
        for (ExitCode code : ExitCode.values()) {
            assertTrue(help.out.contains(String.format("%2d  %s", code.code(), code.meaning())), help.out);
        }
        for (String bulk : List.of("prove", "tokens")) {
            Run bulkHelp = run("bulk-sender", bulk, "--help");
            assertEquals(0, bulkHelp.exit, bulk);
            assertTrue(bulkHelp.out.contains("Usage: tacit bulk-sender " + bulk), bulkHelp.out);
        }
        Run registerHelp = run("register", "--help");
        assertEquals(0, registerHelp.exit);
        assertTrue(registerHelp.out.contains("--re-register"), registerHelp.out);
    }

    @Test
    void inboxTakesMaxAndForOnlyWithFollow() {
        Run withoutFollow = run("inbox", "--max", "1");
        Run noMessages = run("inbox", "--follow", "--max", "0");
        Run badDuration = run("inbox", "--follow", "--for", "10 minutes");

        assertEquals(ExitCode.USAGE.code(), withoutFollow.exit, withoutFollow.err);
        assertTrue(withoutFollow.err.contains("--max and --for go with --follow"), withoutFollow.err);
        assertEquals(ExitCode.USAGE.code(), noMessages.exit, noMessages.err);
        assertTrue(noMessages.err.contains("--max takes a number of messages"), noMessages.err);
        assertEquals(ExitCode.USAGE.code(), badDuration.exit, badDuration.err);
        assertTrue(run("inbox", "--help").out.contains("--follow"));
    }

    @Test
    void requestingACodeCreatesTheStateAndRemembersTheSend() throws Exception {
        server.answer(Answer.json(202, "{\"sendProof\":\"AgAB.tdd\",\"expiresAt\":\"2026-11-25T09:10:00Z\"}"));

        Run sent = run("--json", "register", "--number", "+14155550100", "--server", server.origin().toString());

        assertEquals(0, sent.exit, sent.err);
        JsonObject result = json(sent.out);
        assertEquals("+14155550100", result.getString("number"));
        assertEquals("2026-11-25T09:10:00Z", result.getString("expiresAt"));
        assertEquals("/v1/verification/code", server.received().path());
        assertEquals("+14155550100", server.received().json().getString("number"));
        assertTrue(Files.isRegularFile(home.resolve("state/state.tacit")));
        Run tokens = run("--json", "tokens");
        assertEquals(0, tokens.exit, tokens.err);
        assertEquals(0, json(tokens.out).getInt("firstContact"));
    }

    @Test
    void aSpentLimitExitsWithItsCodeAndTheTimeToWait() {
        server.answer(new Answer(429, "application/problem+json",
                "{\"type\":\"urn:tacit:problem:rate-limited\",\"title\":\"Rate limited\",\"status\":429,\"detail\":\"x\"}",
                "1800"));

        Run limited = run("--json", "register", "--number", "+14155550100", "--server", server.origin().toString());
        Run asText = run("register", "--number", "+14155550100", "--server", server.origin().toString());

        assertEquals(ExitCode.RATE_LIMITED.code(), limited.exit);
        JsonObject error = json(limited.out).getJsonObject("error");
        assertEquals(1800, error.getInt("retryAfterSeconds"));
        assertEquals("urn:tacit:problem:rate-limited", error.getString("problemType"));
        assertEquals(ExitCode.RATE_LIMITED.code(), asText.exit);
        assertTrue(asText.err.contains("Try again in 1800 s."), asText.err);
    }

    @Test
    void aRefusalCarriesTheServersProblemType() {
        server.answer(Answer.json(400, "{\"type\":\"urn:tacit:problem:invalid-phone-number\",\"title\":\"Invalid\","
                + "\"status\":400,\"detail\":\"no such number\"}"));

        Run refused = run("--json", "register", "--number", "+14155550100", "--server", server.origin().toString());

        assertEquals(ExitCode.REFUSED.code(), refused.exit);
        assertEquals("urn:tacit:problem:invalid-phone-number", json(refused.out).getJsonObject("error").getString("problemType"));
    }

    @Test
    void anUnreachableServerAWrongPassphraseAndAMissingStepHaveCodesOfTheirOwn() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertEquals(ExitCode.SERVER_UNREACHABLE.code(),
                run("register", "--number", "+14155550100", "--server", "http://127.0.0.1:" + closed).exit);

        Run noCode = run("register", "--code", "123456", "--server", server.origin().toString());
        assertEquals(ExitCode.STEP_MISSING.code(), noCode.exit, noCode.err);
        Run notRegistered = run("status");
        assertEquals(ExitCode.STEP_MISSING.code(), notRegistered.exit, notRegistered.err);

        Files.writeString(passphrase, "not the passphrase\n");
        assertEquals(ExitCode.WRONG_PASSPHRASE.code(), run("tokens").exit);
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertEquals(ExitCode.USAGE.code(), run("register", "--number", "4155550100").exit);
        assertEquals(ExitCode.USAGE.code(), run("register").exit);
        assertEquals(ExitCode.USAGE.code(), run("frobnicate").exit);
        assertEquals(ExitCode.USAGE.code(), run("discover").exit);
        assertEquals(ExitCode.USAGE.code(), run("discover", "4155550100").exit);
        assertEquals(ExitCode.USAGE.code(), run("discover", "+14155550100", "+14155550100").exit);
        assertEquals(ExitCode.USAGE.code(), run("tokens", "--proxy", "nowhere").exit);
        assertEquals(ExitCode.USAGE.code(), run("send", "+14155550100").exit);
        assertEquals(ExitCode.USAGE.code(), run("send", "4155550100", "hello").exit);
        assertEquals(ExitCode.USAGE.code(), run("reply").exit);
        assertEquals(ExitCode.USAGE.code(), run("release", "--now").exit);
        assertEquals(ExitCode.USAGE.code(), run("report-spam").exit);
        assertEquals(ExitCode.USAGE.code(), run("block").exit);
        assertEquals(ExitCode.USAGE.code(), run("block", "4155550100").exit);
        assertEquals(ExitCode.USAGE.code(), run("release", "--release-window", "PT0S").exit);
        assertEquals(ExitCode.USAGE.code(), run("bulk-sender").exit);
        assertEquals(ExitCode.USAGE.code(), run("bulk-sender", "prove").exit);
        assertEquals(ExitCode.USAGE.code(), run("bulk-sender", "prove", "--chain", home.resolve("none.pem").toString(),
                "--key", home.resolve("none.key").toString()).exit);
        assertEquals(ExitCode.USAGE.code(), run("bulk-sender", "tokens").exit);
        assertEquals(ExitCode.USAGE.code(), run("bulk-sender", "tokens", "0").exit);
        assertEquals(ExitCode.USAGE.code(), run("bulk-sender", "tokens", "many").exit);
        Run noState = run("tokens", "--state-dir", home.resolve("none").toString());
        assertEquals(ExitCode.STATE_UNUSABLE.code(), noState.exit);
        assertTrue(noState.err.contains("register first"), noState.err);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        if (!all.contains("--state-dir")) {
            all.addAll(List.of("--state-dir", home.resolve("state").toString()));
        }
        all.addAll(List.of("--passphrase-file", passphrase.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TacitCli.commandLine(new TacitCli(new TacitCli.Environment() {
            @Override
            public String variable(String name) {
                return null;
            }

            @Override
            public Console console() {
                return null;
            }
        }));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
