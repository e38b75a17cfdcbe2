package dev.tacit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launcher ({@code mvn -Prun package}) run as a user runs it, in a JVM of its own: same main class, same
 * properties, its output captured. Closing it sends SIGTERM, as Ctrl-C would, and waits until it has stopped
 * WildFly and PostgreSQL.
 */
final class LauncherProcess implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofMinutes(4);
    /**
     * WildFly's JVM options for these short runs (standalone.conf's JBOSS_JAVA_SIZING, which keeps its other
     * defaults): its heap, and the client compiler and serial collector, which boot it about a third faster
     * on two cores. Test runs only; the launcher itself leaves WildFly's defaults alone.
     */
    static final String FAST_BOOT = "-Xms64m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    private static final Duration STOP_LIMIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path output;
    private Instant endedAt;

    private LauncherProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the launcher with its run directory {@code runDirectory}, WildFly's ports shifted by {@code portOffset}. */
    static LauncherProcess start(Path runDirectory, int portOffset, String name, List<String> settings) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("-Dtacit.wildfly.home=" + requiredProperty("tacit.wildfly.home"));
        command.add("-Dtacit.ear=" + requiredProperty("tacit.ear"));
        command.add("-Dtacit.run.dir=" + runDirectory);
        command.add("-D" + WildFlyPorts.OFFSET_SETTING + "=" + portOffset);
        command.addAll(settings);
        command.add(LocalServer.class.getName());
        Path output = runDirectory.resolveSibling(runDirectory.getFileName() + "-" + name + ".log");
        try {
            Files.createDirectories(runDirectory.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("JBOSS_JAVA_SIZING", FAST_BOOT);
            Process process = builder.start();
            return new LauncherProcess(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the launcher", e);
        }
    }

    /** Waits until the launcher says Tacit is ready; fails with its output if it says anything else first. */
    void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_LIMIT);
        while (!output().contains("[tacit] " + LocalServer.READY)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the launcher did not get ready:\n" + launcherLines());
            }
            Thread.sleep(250);
        }
    }

    /** Waits until the launcher exits by itself and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(READY_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the launcher is still running:\n" + launcherLines());
        }
        endedAt = Instant.now();
        return process.exitValue();
    }

    /**
     * Kills the WildFly JVM this launcher started with SIGKILL, as a power cut or the kernel's OOM killer would:
     * no shutdown hook, no undeployment, connections dropped mid-request. Returns its pid.
     */
    long killWildFlyForcibly() {
        ProcessHandle wildfly = process.descendants()
                .filter(child -> child.info().commandLine().orElse("").contains("jboss-modules.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no WildFly JVM under the launcher:\n" + launcherLines()));
        wildfly.destroyForcibly();
        return wildfly.pid();
    }

    /** When {@link #awaitExit()} saw the launcher end. */
    Instant endedAt() {
        return endedAt;
    }

    /** Everything the launcher and the WildFly it started printed. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the launcher's own lines, {@code [tacit] ...}. */
    String launcherLines() {
        return String.join("\n", output().lines().filter(line -> line.contains("[tacit] ")).toList());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the launcher's shutdown hook stops WildFly and PostgreSQL
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("the launcher did not stop on SIGTERM:\n" + launcherLines());
            }
        }
    }

    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests with Maven");
        }
        return value;
    }
}
