package dev.tacit.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.tacit.client.NotRegisteredException;
import dev.tacit.client.TacitClient;
import dev.tacit.client.state.Argon2idParameters;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.state.StateException;
import dev.tacit.client.state.StateNotFoundException;
import dev.tacit.client.transport.SocksProxy;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code tacit}: the Tacit client on the command line. The options here apply to every command; each command
 * is a class of its own listed in {@code subcommands}, built on {@link ClientCommand}.
 */
@Command(name = "tacit", mixinStandardHelpOptions = true, versionProvider = TacitCli.Version.class,
        usageHelpWidth = 100,
        header = "The Tacit client.",
        description = {
            "Registers a phone number with a Tacit server, looks numbers up, sends and reads messages, and keeps the "
                    + "account's keys, conversations and tokens in a state directory encrypted under a passphrase. Registration and account requests go directly to "
                    + "the server, signed by the account's key; anonymous operations go only through a SOCKS5 proxy "
                    + "(Tor), each on a circuit of its own, and fail rather than go direct if the proxy is down.",
            "",
            "The passphrase is read from --passphrase-file, else from the environment variable TACIT_PASSPHRASE, "
                    + "else asked for on the terminal. `tacit <command> --help` explains a command.",
            ""},
        subcommands = {RegisterCommand.class, DiscoverCommand.class, SendCommand.class, InboxCommand.class,
            ReplyCommand.class, ReleaseCommand.class, ReportSpamCommand.class, TokensCommand.class,
            RotateKeysCommand.class, BlockCommand.class, StatusCommand.class, BulkSenderCommand.class,
            DemoCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes (the same for every command):%n",
        footer = "%s")
public final class TacitCli {

    /** Environment variable a passphrase may come from. */
    public static final String PASSPHRASE_VARIABLE = "TACIT_PASSPHRASE";

    @Option(names = "--state-dir", scope = ScopeType.INHERIT, paramLabel = "<dir>",
            defaultValue = "${sys:user.home}/.tacit",
            description = "The state directory (default: ${DEFAULT-VALUE}); created by `register --number`.")
    Path stateDirectory;

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "<url>",
            description = "The server's root, e.g. https://tacit.example or http://localhost:8080: needed to register;"
                    + " remembered in the state afterwards.")
    URI server;

    @Option(names = "--proxy", scope = ScopeType.INHERIT, paramLabel = "<host:port>", defaultValue = "127.0.0.1:9050",
            converter = ProxyConverter.class,
            description = "The SOCKS5 proxy anonymous operations go through (default: ${DEFAULT-VALUE}, Tor's).")
    SocksProxy proxy;

    @Option(names = "--release-window", scope = ScopeType.INHERIT, paramLabel = "<duration>", defaultValue = "PT12H",
            converter = DurationConverter.class,
            description = "A planned release is sent at a random time within this window from when it is planned, "
                    + "ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration releaseWindow;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the result as one JSON object on standard output (errors too), for scripts.")
    boolean json;

    @Option(names = "--passphrase-file", scope = ScopeType.INHERIT, paramLabel = "<file>",
            description = "Read the state's passphrase from the first line of this file.")
    Path passphraseFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Environment environment;

    /** What the command reads from its surroundings: the environment and a terminal, replaceable in tests. */
    interface Environment {
        String variable(String name);

        Console console();
    }

    public TacitCli() {
        this(new Environment() {
            @Override
            public String variable(String name) {
                return System.getenv(name);
            }

            @Override
            public Console console() {
                return System.console();
            }
        });
    }

    TacitCli(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new TacitCli()).execute(args));
    }

    /** The command line with its exit codes and error handling, as {@link #main} runs it. */
    public static CommandLine commandLine(TacitCli cli) {
        CommandLine commandLine = new CommandLine(cli);
        commandLine.getCommandSpec().usageMessage().footer(ExitCode.table());
        commandLine.setExitCodeExceptionMapper(failure -> ExitCode.FAILED.code());
        commandLine.getCommandSpec().exitCodeOnUsageHelp(ExitCode.OK.code());
        commandLine.setParameterExceptionHandler((failure, arguments) -> {
            PrintWriter err = failure.getCommandLine().getErr();
            err.println(failure.getMessage());
            err.println("See `tacit " + (failure.getCommandLine() == commandLine ? "" : failure.getCommandLine()
                    .getCommandName() + " ") + "--help`.");
            return ExitCode.USAGE.code();
        });
        return commandLine;
    }

    /** Opens the state directory, which must exist. */
    StateDirectory openState(Progress progress) throws StateException {
        if (!StateDirectory.exists(stateDirectory)) {
            throw new StateNotFoundException(stateDirectory + " holds no Tacit state: register first"
                    + " (tacit register --server <url> --number <+E.164>), or give --state-dir");
        }
        char[] passphrase = passphrase(false);
        try (Progress.Step step = progress.step("Opening the state (deriving its key)")) {
            return StateDirectory.open(stateDirectory, passphrase, new SecureRandom());
        } finally {
            Arrays.fill(passphrase, ' ');
        }
    }

    /** Opens the state directory, creating it first if it holds no state. */
    StateDirectory openOrCreateState(Progress progress) throws StateException {
        if (StateDirectory.exists(stateDirectory)) {
            return openState(progress);
        }
        char[] passphrase = passphrase(true);
        try (Progress.Step step = progress.step("Creating the state (deriving its key)")) {
            return StateDirectory.create(stateDirectory, passphrase, Argon2idParameters.RECOMMENDED, new SecureRandom());
        } finally {
            Arrays.fill(passphrase, ' ');
        }
    }

    /** A client over {@code state}, with this command line's server and proxy. */
    TacitClient client(StateDirectory state) throws NotRegisteredException {
        TacitClient.Builder builder = TacitClient.builder(state).proxy(proxy).releaseWindow(releaseWindow);
        if (server != null) {
            builder.server(server);
        } else if (state.state().server().isEmpty()) {
            throw new NotRegisteredException("this state has not registered with a server: register first, giving"
                    + " --server <url>");
        }
        return builder.build();
    }

    private char[] passphrase(boolean creating) {
        if (passphraseFile != null) {
            try {
                List<String> lines = Files.readAllLines(passphraseFile, StandardCharsets.UTF_8);
                if (lines.isEmpty() || lines.get(0).isEmpty()) {
                    throw usage(passphraseFile + " holds no passphrase on its first line");
                }
                return lines.get(0).toCharArray();
            } catch (IOException e) {
                throw usage("cannot read the passphrase from " + passphraseFile + ": " + e.getMessage());
            }
        }
        String fromEnvironment = environment.variable(PASSPHRASE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Console console = environment.console();
        if (console == null) {
            throw usage("no passphrase: give --passphrase-file or set " + PASSPHRASE_VARIABLE
                    + " (there is no terminal to ask on)");
        }
        char[] passphrase = console.readPassword(creating ? "New passphrase for %s: " : "Passphrase for %s: ",
                stateDirectory);
        if (passphrase == null || passphrase.length == 0) {
            throw usage("no passphrase given");
        }
        if (creating && !Arrays.equals(passphrase, console.readPassword("The same passphrase again: "))) {
            throw usage("the two passphrases differ");
        }
        return passphrase;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Parses {@code host:port}. */
    static final class ProxyConverter implements CommandLine.ITypeConverter<SocksProxy> {
        @Override
        public SocksProxy convert(String value) {
            try {
                return SocksProxy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses an ISO-8601 duration longer than zero. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration duration = Duration.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    throw new CommandLine.TypeConversionException("a duration longer than zero, e.g. PT12H, not " + value);
                }
                return duration;
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("an ISO-8601 duration, e.g. PT12H or PT30S, not " + value);
            }
        }
    }

    /** The version of the jar, from its manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TacitCli.class.getPackage().getImplementationVersion();
            return new String[] {"tacit " + (version == null ? "(development build)" : version)};
        }
    }
}
