package dev.tacit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.RateLimitedException;
import dev.tacit.client.TacitClient;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.discovery.DiscoveryAllowanceSpentException;
import dev.tacit.client.messages.RecipientNotRegisteredException;
import dev.tacit.client.registration.RegistrationLockedException;
import dev.tacit.client.reputation.NotEnoughStampsException;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.PhoneNumber;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the global options ({@link TacitCli}), output as text or JSON, a progress
 * indicator, and failures turned into a message and an {@link ExitCode}. A command implements {@link #run()}.
 */
abstract class ClientCommand implements Callable<Integer> {

    /** The root command, with the global options; set when the command runs (it may be nested, as bulk-sender's). */
    TacitCli cli;

    @Spec
    CommandSpec spec;

    /** Runs the command; a failure is reported by {@link #call()}. */
    abstract void run() throws TacitClientException;

    @Override
    public final Integer call() {
        cli = root(spec.commandLine());
        try {
            run();
            return ExitCode.OK.code();
        } catch (TacitClientException e) {
            ExitCode exit = ExitCode.of(e);
            fail(exit, e);
            return exit.code();
        } catch (IllegalStateException e) {
            fail(ExitCode.USAGE, e);
            return ExitCode.USAGE.code();
        }
    }

    private static TacitCli root(CommandLine line) {
        CommandLine root = line;
        while (!(root.getCommand() instanceof TacitCli)) {
            root = root.getParent();
        }
        return root.getCommand();
    }

    Progress progress() {
        return new Progress(System.err, !cli.json && System.console() != null);
    }

    /** Prints the result: {@code json} with --json, {@code text} otherwise. */
    void print(JsonObject json, String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(cli.json ? json.toString() : text);
        out.flush();
    }

    private void fail(ExitCode exit, Exception failure) {
        JsonObjectBuilder error = Json.createObjectBuilder()
                .add("exitCode", exit.code())
                .add("kind", exit.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .add("message", String.valueOf(failure.getMessage()));
        StringBuilder text = new StringBuilder("tacit: ").append(failure.getMessage());
        if (failure instanceof ProblemResponseException problem) {
            error.add("status", problem.status()).add("problemType", problem.type());
        }
        if (failure instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
            long seconds = limited.retryAfter().get().toSeconds();
            error.add("retryAfterSeconds", seconds);
            text.append("\nTry again in ").append(seconds).append(" s.");
        }
        if (failure instanceof DiscoveryAllowanceSpentException spent) {
            error.add("tokensLeft", spent.tokensLeft()).add("nextWindow", spent.nextWindow().toString());
            text.append("\nThe next window, with a new allowance, starts at ").append(spent.nextWindow()).append(".");
        }
        if (failure instanceof RecipientNotRegisteredException unknown) {
            error.add("recipient", unknown.recipient().e164()).add("tokenSpent", unknown.tokenSpent());
        }
        if (failure instanceof NotEnoughStampsException stamps) {
            error.add("stampsHeld", stamps.held()).add("stampsNeeded", stamps.needed());
        }
        if (failure instanceof RegistrationLockedException locked) {
            error.add("lockedUntil", locked.lockedUntil().toString());
            text.append("\nLocked until ").append(locked.lockedUntil()).append(".");
        }
        if (cli.json) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.createObjectBuilder().add("error", error).build());
            out.flush();
        } else {
            PrintWriter err = spec.commandLine().getErr();
            err.println(text);
            err.println("(exit " + exit.code() + ": " + exit.meaning() + ")");
            err.flush();
        }
    }

    /** Parses a number typed in E.164 form, or stops with a usage error. */
    static PhoneNumber phoneNumber(CommandSpec spec, String typed) {
        try {
            return PhoneNumber.of(typed);
        } catch (MalformedEncodingException e) {
            throw usage(spec, "numbers take the E.164 form, + and 2 to 15 digits (e.g. +14155550100), not " + typed);
        }
    }

    /** Opens the state and a client over it, and runs {@code work}; both are closed after. */
    <T> T withClient(ClientWork<T> work) throws TacitClientException {
        Progress progress = progress();
        try (StateDirectory state = cli.openState(progress); TacitClient client = cli.client(state)) {
            return work.run(client, progress);
        }
    }

    /** What a command does with its client. */
    @FunctionalInterface
    interface ClientWork<T> {
        T run(TacitClient client, Progress progress) throws TacitClientException;
    }

    static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
