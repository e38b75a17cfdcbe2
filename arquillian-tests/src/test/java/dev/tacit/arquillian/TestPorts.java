package dev.tacit.arquillian;

/**
 * The ports of the server under test. {@code -Dtacit.test.port.offset=N} shifts all of WildFly's ports by N
 * (WildFly's own {@code jboss.socket.binding.port-offset}), so that several checkouts can run their
 * integration tests on one machine at once.
 */
public final class TestPorts {

    private static final int HTTP = 8080;
    private static final int MANAGEMENT = 9990;

    private TestPorts() {
    }

    public static int offset() {
        return Integer.getInteger("tacit.test.port.offset", 0);
    }

    public static int http() {
        return HTTP + offset();
    }

    public static int management() {
        return MANAGEMENT + offset();
    }
}
