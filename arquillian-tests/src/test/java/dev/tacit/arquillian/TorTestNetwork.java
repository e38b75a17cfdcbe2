package dev.tacit.arquillian;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.tacit.client.transport.SocksProxy;

/**
 * A private Tor network on loopback for the optional {@code -Ptor} tests: Tor's own test mode
 * ({@code TestingTorNetwork 1}) with three directory authorities (keys made by {@code tor-gencert}), which also relay,
 * one exit relay whose policy lets it connect to 127.0.0.1, and one client whose SOCKS port isolates streams by their
 * credentials, as the real Tor client does by default. All listen on 127.0.0.1, on ports from 40100 plus the suite's
 * port offset; the processes die with this JVM ({@code __OwningControllerProcess}). Needs Debian's {@code tor}
 * package ({@code apt-get install tor}).
 */
public final class TorTestNetwork implements AutoCloseable {

    private static final int AUTHORITIES = 3;
    private static final Duration BOOTSTRAP_LIMIT = Duration.ofMinutes(4);

    private final Path directory;
    private final int basePort;
    private final List<Process> processes = new ArrayList<>();

    private TorTestNetwork(Path directory, int basePort) {
        this.directory = directory;
        this.basePort = basePort;
    }

    /** Configures and starts the network in {@code directory} (emptied first); returns once the client has bootstrapped. */
    public static TorTestNetwork start(Path directory) throws IOException, InterruptedException {
        TorTestNetwork network = new TorTestNetwork(directory, 40_100 + TestPorts.offset());
        try {
            network.configureAndStart();
            network.awaitBootstrap();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            network.close();
            throw e;
        }
        return network;
    }

    /** The client's SOCKS port. */
    public SocksProxy socks() {
        return new SocksProxy("127.0.0.1", basePort + 20);
    }

    /** Stops the client only: its SOCKS port goes away, the relays stay. */
    public void stopClient() throws InterruptedException {
        stop(processes.get(processes.size() - 1));
    }

    private void configureAndStart() throws IOException, InterruptedException {
        deleteRecursively(directory);
        Files.createDirectories(directory);
        String tor = executable("tor");
        String gencert = executable("tor-gencert");
        StringBuilder authorities = new StringBuilder();
        for (int i = 1; i <= AUTHORITIES; i++) {
            Path node = node("auth" + i);
            Path keys = Files.createDirectories(node.resolve("keys"));
            run(List.of(gencert, "--create-identity-key", "-m", "12", "-a", "127.0.0.1:" + dirPort(i),
                    "-i", keys.resolve("authority_identity_key").toString(),
                    "-s", keys.resolve("authority_signing_key").toString(),
                    "-c", keys.resolve("authority_certificate").toString(), "--passphrase-fd", "0"), "\n");
            run(List.of(tor, "--ignore-missing-torrc", "-f", "/dev/null", "--DataDirectory", node.toString(),
                    "--ORPort", "1", "--list-fingerprint", "--DirAuthority",
                    "x 127.0.0.1:1 ffffffffffffffffffffffffffffffffffffffff"), "");
            String v3ident = Files.readAllLines(keys.resolve("authority_certificate")).stream()
                    .filter(line -> line.startsWith("fingerprint ")).findFirst().orElseThrow().substring(12).trim();
            String fingerprint = Files.readString(node.resolve("fingerprint")).trim().split(" ")[1];
            authorities.append("DirAuthority auth").append(i).append(" orport=").append(orPort(i))
                    .append(" no-v2 v3ident=").append(v3ident).append(" 127.0.0.1:").append(dirPort(i)).append(' ')
                    .append(fingerprint).append('\n');
        }
        for (int i = 1; i <= AUTHORITIES; i++) {
            write("auth" + i, authorities, """
                    SocksPort 0
                    ORPort %d
                    DirPort %d
                    Address 127.0.0.1
                    AuthoritativeDirectory 1
                    V3AuthoritativeDirectory 1
                    ContactInfo auth%d@test.test
                    TestingV3AuthInitialVotingInterval 20
                    TestingV3AuthInitialVoteDelay 4
                    TestingV3AuthInitialDistDelay 4
                    V3AuthVotingInterval 20
                    V3AuthVoteDelay 4
                    V3AuthDistDelay 4
                    ExitRelay 0
                    ExitPolicy reject *:*
                    """.formatted(orPort(i), dirPort(i), i));
        }
        // The exit may connect to loopback, where the server under test listens; Tor refuses that by default.
        write("exit", authorities, """
                SocksPort 0
                ORPort %d
                DirPort %d
                Address 127.0.0.1
                ExitRelay 1
                ExitPolicyRejectPrivate 0
                ExitPolicy accept 127.0.0.0/8:*
                ExitPolicy accept *:*
                """.formatted(basePort + 4, basePort + 14));
        write("client", authorities, "SocksPort 127.0.0.1:%d IsolateSOCKSAuth\n".formatted(basePort + 20));
        for (String name : List.of("auth1", "auth2", "auth3", "exit", "client")) {
            Path node = node(name);
            processes.add(new ProcessBuilder(tor, "-f", node.resolve("torrc").toString())
                    .redirectErrorStream(true).redirectOutput(node.resolve("stdout.log").toFile()).start());
        }
    }

    private void awaitBootstrap() throws IOException, InterruptedException {
        Path log = node("client").resolve("notice.log");
        Instant deadline = Instant.now().plus(BOOTSTRAP_LIMIT);
        while (!(Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("Bootstrapped 100%"))) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a tor process of the test network exited; see " + directory);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the test network's client did not bootstrap in " + BOOTSTRAP_LIMIT
                        + "; see " + log);
            }
            Thread.sleep(500);
        }
    }

    /** Options every node shares: Tor's test mode, quick to bootstrap, and the authorities. */
    private void write(String name, CharSequence authorities, String own) throws IOException {
        Path node = node(name);
        String common = """
                TestingTorNetwork 1
                AssumeReachable 1
                PathsNeededToBuildCircuits 0.67
                TestingDirAuthVoteExit *
                TestingDirAuthVoteHSDir *
                TestingDirAuthVoteGuard *
                TestingMinExitFlagThreshold 0
                V3AuthNIntervalsValid 2
                DataDirectory %s
                Nickname %s
                ShutdownWaitLength 0
                __OwningControllerProcess %d
                Log notice file %s
                """.formatted(node, name, ProcessHandle.current().pid(), node.resolve("notice.log"));
        Files.writeString(node.resolve("torrc"), common + authorities + own, StandardCharsets.UTF_8);
    }

    private Path node(String name) throws IOException {
        Path node = directory.resolve(name);
        Files.createDirectories(node);
        // Tor refuses a data directory others may read.
        Files.setPosixFilePermissions(node, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return node;
    }

    private int orPort(int authority) {
        return basePort + authority;
    }

    private int dirPort(int authority) {
        return basePort + 10 + authority;
    }

    private static void run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** {@code name} on the PATH, or in /usr/sbin where Debian puts tor. */
    private static String executable(String name) {
        List<String> places = new ArrayList<>(List.of(Optional.ofNullable(System.getenv("PATH")).orElse("")
                .split(File.pathSeparator)));
        places.addAll(List.of("/usr/sbin", "/usr/bin"));
        for (String place : places) {
            Path candidate = Path.of(place.isEmpty() ? "." : place, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed: the -Ptor tests need Debian's tor package"
                + " (apt-get install tor)");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            stop(process);
        }
    }
}
