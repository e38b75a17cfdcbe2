package dev.tacit.client.transport;

import java.io.IOException;

/**
 * Inside the HTTP client: the SOCKS5 proxy could not be reached or did not let the connection through. Turned
 * into {@link dev.tacit.client.ProxyUnreachableException} (the proxy itself failed) or
 * {@link dev.tacit.client.ServerUnreachableException} (the proxy could not reach the server) at the API.
 */
final class ProxyFailure extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean proxyReached;

    private ProxyFailure(String message, Throwable cause, boolean proxyReached) {
        super(message, cause);
        this.proxyReached = proxyReached;
    }

    /** The proxy did not answer, or not as a SOCKS5 proxy that accepts the session's credentials. */
    static ProxyFailure proxyUnreachable(String message, Throwable cause) {
        return new ProxyFailure(message, cause, false);
    }

    /** The proxy answered, but could not connect to the server. */
    static ProxyFailure serverUnreachable(String message) {
        return new ProxyFailure(message, null, true);
    }

    boolean proxyReached() {
        return proxyReached;
    }
}
