package dev.tacit.client.transport;

import java.util.Objects;

/**
 * Where a SOCKS5 proxy listens, such as Tor's SOCKS port. Anonymous operations reach the server only through
 * it ({@link AnonymousTransport}).
 *
 * @param host the proxy's host name or address, usually a loopback address
 * @param port its TCP port
 */
public record SocksProxy(String host, int port) {

    /** Tor's default SOCKS port on this machine: {@code 127.0.0.1:9050}. */
    public static final SocksProxy TOR = new SocksProxy("127.0.0.1", 9050);

    public SocksProxy {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("a proxy host is needed");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a proxy port is 1 to 65535, not " + port);
        }
    }

    /**
     * Parses {@code host:port}, e.g. {@code 127.0.0.1:9050} or {@code [::1]:9050}.
     *
     * @throws IllegalArgumentException if it is not of that form
     */
    public static SocksProxy parse(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new IllegalArgumentException("a proxy is host:port, not " + hostAndPort);
        }
        String host = hostAndPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new SocksProxy(host, Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a proxy is host:port, not " + hostAndPort, e);
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
