package dev.tacit.client.transport;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;

/**
 * The anonymous channel to a Tacit server: every connection goes through a SOCKS5 proxy (Tor's, usually), so
 * the server sees the proxy's exit, not this machine. Anonymous operations — sending, looking numbers up, token
 * state and refresh — each {@link #open() open} a session of their own, with fresh SOCKS credentials and a
 * connection of its own, so that Tor carries each on a separate circuit and no two can be linked by their
 * path. The server's host name is resolved by the proxy, never on this machine.
 *
 * <p>There is no fallback: if the proxy cannot be reached, or refuses the session's credentials, the operation
 * fails with {@link dev.tacit.client.ProxyUnreachableException} before anything is sent. Thread-safe.
 */
public final class AnonymousTransport {

    /** The proxy resolves names: this "resolver" hands the name on unresolved, and never looks it up. */
    private static final DnsResolver PROXY_RESOLVES = new DnsResolver() {
        @Override
        public java.net.InetAddress[] resolve(String host) {
            return null;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) {
            return List.of(InetSocketAddress.createUnresolved(host, port));
        }
    };

    private final SocksProxy proxy;
    private final URI server;
    private final SecureRandom random;

    private AnonymousTransport(SocksProxy proxy, URI server, SecureRandom random) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.server = Objects.requireNonNull(server, "server");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A transport to {@code server} through {@code proxy}, e.g. {@link SocksProxy#TOR}. */
    public static AnonymousTransport through(SocksProxy proxy, URI server) {
        return new AnonymousTransport(proxy, server, new SecureRandom());
    }

    /** As {@link #through(SocksProxy, URI)}, drawing the session credentials from {@code random}. */
    public static AnonymousTransport through(SocksProxy proxy, URI server, SecureRandom random) {
        return new AnonymousTransport(proxy, server, random);
    }

    /**
     * Opens a session for one anonymous operation: new SOCKS credentials, a new connection through the proxy
     * when the first request is sent. Close it when the operation is done; its connection is not reused.
     */
    public AnonymousSession open() {
        SocksCredentials credentials = SocksCredentials.fresh(random);
        // The operator is httpclient5's own, given the socket to connect (its DetachedSocketFactory, marked
        // @Internal there; the transport tests fail if an upgrade changes it). It falls back to nothing: a
        // socket that cannot reach the proxy fails the request.
        DefaultHttpClientConnectionOperator operator = new DefaultHttpClientConnectionOperator(
                socksProxy -> new Socks5Socket(proxy, credentials), null, PROXY_RESOLVES,
                RegistryBuilder.<TlsSocketStrategy>create()
                        .register(URIScheme.HTTPS.id, DefaultClientTlsStrategy.createDefault())
                        .build());
        BasicHttpClientConnectionManager connection = new BasicHttpClientConnectionManager(operator, null);
        connection.setConnectionConfig(JsonExchange.connectionConfig());
        return new AnonymousSession(new JsonExchange(server, connection));
    }

    /** The proxy every session goes through. */
    public SocksProxy proxy() {
        return proxy;
    }

    /** The server's root sessions resolve paths against. */
    public URI server() {
        return server;
    }

    @Override
    public String toString() {
        return "AnonymousTransport[" + server + " via " + proxy + "]";
    }

}
