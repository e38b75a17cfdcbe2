package dev.tacit.arquillian;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;

/**
 * The ports of the server under test: WildFly's defaults shifted by one offset (WildFly's own
 * {@code jboss.socket.binding.port-offset}). {@code -Dtacit.test.port.offset=N} chooses the offset; without
 * it the suite takes the defaults when they are free, else a random offset whose ports are all free, so a
 * running WildFly or a second checkout's tests do not fail every test class. {@link #describe()} says which.
 */
public final class TestPorts {

    static final String PROPERTY = "tacit.test.port.offset";

    private static final int HTTP = 8080;
    private static final int MANAGEMENT = 9990;
    /** Every port WildFly's standalone.xml binds, before the offset: ajp, http, https, management, transactions. */
    private static final List<Integer> BOUND = List.of(8009, HTTP, 8443, MANAGEMENT, 9993, 4712, 4713);
    /** Offsets tried when the defaults are taken: their ports stay below the ephemeral range (32768 and up). */
    private static final int LOWEST_OFFSET = 1000;
    private static final int HIGHEST_OFFSET = 22000;
    private static final int ATTEMPTS = 50;

    private static final Choice CHOICE = choose(System.getProperty(PROPERTY), TestPorts::bindable);

    private TestPorts() {
    }

    public static int offset() {
        return CHOICE.offset();
    }

    public static int http() {
        return HTTP + offset();
    }

    public static int management() {
        return MANAGEMENT + offset();
    }

    /** How the offset was chosen, for the build log. */
    public static String describe() {
        return "WildFly port offset " + offset() + " (" + CHOICE.reason() + "): HTTP " + http() + ", management "
                + management();
    }

    record Choice(int offset, String reason) {
    }

    /** The offset {@code configured} (may be null) names, else the first free of 0 and random ones. */
    static Choice choose(String configured, IntPredicate portFree) {
        if (configured != null && !configured.isBlank()) {
            int offset = Integer.parseInt(configured.strip());
            takenPort(offset, portFree).ifPresent(port -> {
                throw new IllegalStateException("-D" + PROPERTY + "=" + offset + " needs port " + port
                        + ", which is in use; choose another offset or leave it out to have one chosen");
            });
            return new Choice(offset, "-D" + PROPERTY);
        }
        Optional<Integer> taken = takenPort(0, portFree);
        if (taken.isEmpty()) {
            return new Choice(0, "the defaults are free");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(LOWEST_OFFSET, HIGHEST_OFFSET);
            if (takenPort(offset, portFree).isEmpty()) {
                return new Choice(offset, "chosen because port " + taken.get() + " is in use");
            }
        }
        throw new IllegalStateException("no free WildFly port offset found in " + ATTEMPTS + " attempts; set -D" + PROPERTY);
    }

    /** The first of WildFly's ports, shifted by {@code offset}, that is not free. */
    private static Optional<Integer> takenPort(int offset, IntPredicate portFree) {
        return BOUND.stream().map(base -> base + offset).filter(port -> !portFree.test(port)).findFirst();
    }

    /** Whether a server could listen on {@code port} on loopback now, as WildFly does. */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
