package dev.tacit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ServerSocketFactory;

import dev.tacit.client.transport.SocksProxy;

import org.bbottema.javasocksproxyserver.SocksServer;
import org.bbottema.javasocksproxyserver.auth.UsernamePasswordAuthenticator;

/**
 * {@code tacit demo}'s stand-in for Tor: a SOCKS5 proxy on loopback (bbottema's java-socks-proxy-server) that asks
 * for username/password authentication (RFC 1929), as Tor's does for stream isolation, lets every client through,
 * and counts the connections and the distinct credentials it saw — under Tor, each would be a circuit of its own.
 */
final class DemoProxy implements AutoCloseable {

    private final SocksServer server;
    private final int port;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<String> credentials = ConcurrentHashMap.newKeySet();

    private DemoProxy(int port) {
        this.port = port;
        this.server = new SocksServer(port);
    }

    static DemoProxy start() {
        DemoProxy proxy = new DemoProxy(freeLoopbackPort());
        proxy.server.setFactory(new LoopbackOnly());
        proxy.server.setAuthenticator(new UsernamePasswordAuthenticator(false) {
            @Override
            public boolean validate(String username, String password) {
                proxy.connections.incrementAndGet();
                proxy.credentials.add(username + "\u0000" + password);
                return true;
            }
        });
        proxy.server.start();
        return proxy;
    }

    SocksProxy address() {
        return new SocksProxy("127.0.0.1", port);
    }

    int connections() {
        return connections.get();
    }

    int distinctCredentials() {
        return credentials.size();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback for the demo's proxy", e);
        }
    }

    /** Listens on loopback only: the proxy is for this machine's demo. */
    private static final class LoopbackOnly extends ServerSocketFactory {

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
        }
    }
}
