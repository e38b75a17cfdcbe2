package dev.tacit.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports the launcher's WildFly listens on (loopback): WildFly's defaults shifted by one offset, WildFly's
 * own {@code jboss.socket.binding.port-offset}, which {@code -Dtacit.run.port-offset=N} sets.
 */
record WildFlyPorts(int offset) {

    static final String OFFSET_SETTING = "tacit.run.port-offset";

    WildFlyPorts {
        if (offset < 0 || offset > 50_000) {
            throw new IllegalArgumentException(OFFSET_SETTING + " must be between 0 and 50000, not " + offset);
        }
    }

    static WildFlyPorts of(Settings settings) throws StartupProblem {
        String value = settings.get(OFFSET_SETTING).orElse("0");
        try {
            return new WildFlyPorts(Integer.parseInt(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new StartupProblem(OFFSET_SETTING + " must be a number between 0 and 50000, not '" + value + "'.");
        }
    }

    int http() {
        return 8080 + offset;
    }

    int https() {
        return 8443 + offset;
    }

    int management() {
        return 9990 + offset;
    }

    URI api() {
        return URI.create("http://localhost:" + http() + "/v1/server");
    }

    URI readiness() {
        return URI.create("http://localhost:" + management() + "/health/ready");
    }

    /** The origin clients reach this server at, unless the operator configures {@code tacit.public-origin}. */
    String localOrigin() {
        return "http://localhost:" + http();
    }

    /** Fails, naming the port and the fix, if another program listens on one of the ports. */
    void requireFree() throws StartupProblem {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("HTTP", http());
        ports.put("HTTPS", https());
        ports.put("management and health", management());
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            if (!isFree(port.getValue())) {
                throw new StartupProblem("Port " + port.getValue() + " (WildFly's " + port.getKey() + " port) is in use"
                        + " by another program, perhaps another Tacit or WildFly. Stop it, or shift all of this"
                        + " server's ports by an offset: mvn -Prun package -D" + OFFSET_SETTING + "=100");
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As WildFly binds: a connection of the last run in TIME_WAIT does not keep it from listening.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
