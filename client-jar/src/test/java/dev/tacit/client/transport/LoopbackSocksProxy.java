package dev.tacit.client.transport;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ServerSocketFactory;

import org.bbottema.javasocksproxyserver.SocksServer;
import org.bbottema.javasocksproxyserver.auth.UsernamePasswordAuthenticator;

/**
 * A real SOCKS5 proxy on loopback for tests: bbottema's java-socks-proxy-server (the library does the SOCKS5
 * work), requiring username/password authentication (RFC 1929). Its listening socket keeps a copy of what each
 * client sent it — the SOCKS handshake, then the HTTP requests it relayed — so a test sees, per connection,
 * which credentials it presented, how it named the target and which requests went through.
 */
public final class LoopbackSocksProxy implements AutoCloseable {

    /** The RFC 1929 credentials one connection presented. */
    public record Credentials(String username, String password) {
    }

    /** What one client sent through the proxy, as far as it got. */
    public static final class Connection {

        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

        synchronized void record(byte[] bytes, int offset, int length) {
            sent.write(bytes, offset, length);
        }

        public synchronized byte[] bytes() {
            return sent.toByteArray();
        }

        /** The RFC 1929 credentials this connection presented, if it got that far. */
        public Optional<Credentials> credentials() {
            byte[] bytes = bytes();
            if (bytes.length < 2) {
                return Optional.empty();
            }
            int offset = 2 + (bytes[1] & 0xFF);
            if (offset + 1 >= bytes.length || bytes[offset] != 1) {
                return Optional.empty();
            }
            int userLength = bytes[offset + 1] & 0xFF;
            int passwordAt = offset + 2 + userLength;
            if (passwordAt >= bytes.length || passwordAt + 1 + (bytes[passwordAt] & 0xFF) > bytes.length) {
                return Optional.empty();
            }
            return Optional.of(new Credentials(
                    new String(bytes, offset + 2, userLength, StandardCharsets.UTF_8),
                    new String(bytes, passwordAt + 1, bytes[passwordAt] & 0xFF, StandardCharsets.UTF_8)));
        }

        /** The CONNECT request's address type (1 IPv4, 3 a name, 4 IPv6), or -1 if none was sent. */
        public int addressType() {
            byte[] bytes = bytes();
            int connect = connectOffset(bytes);
            return connect < 0 || connect + 3 >= bytes.length ? -1 : bytes[connect + 3];
        }

        /** The name the CONNECT request asked the proxy to resolve, if it named one. */
        public String targetName() {
            byte[] bytes = bytes();
            int connect = connectOffset(bytes);
            if (addressType() != 3) {
                return null;
            }
            int length = bytes[connect + 4] & 0xFF;
            return new String(bytes, connect + 5, length, StandardCharsets.US_ASCII);
        }

        /** What followed the SOCKS handshake: the relayed HTTP, as text. */
        public String relayed() {
            byte[] bytes = bytes();
            int connect = connectOffset(bytes);
            if (connect < 0 || connect + 3 >= bytes.length) {
                return "";
            }
            int type = bytes[connect + 3];
            int address = type == 1 ? 4 : type == 4 ? 16 : 1 + (bytes[connect + 4] & 0xFF);
            int start = connect + 4 + address + 2;
            return start >= bytes.length ? "" : new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }

        /** Greeting {@code 05 n methods}, then RFC 1929 {@code 01 ulen user plen pass}, then the request. */
        private static int connectOffset(byte[] bytes) {
            if (bytes.length < 2) {
                return -1;
            }
            int offset = 2 + (bytes[1] & 0xFF);
            if (offset + 1 >= bytes.length || bytes[offset] != 1) {
                return -1;
            }
            offset += 2 + (bytes[offset + 1] & 0xFF);
            if (offset >= bytes.length) {
                return -1;
            }
            offset += 1 + (bytes[offset] & 0xFF);
            return offset < bytes.length ? offset : -1;
        }
    }

    private final SocksServer server = new SocksServer(0);
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<ServerSocket> listening = new ArrayList<>();

    private LoopbackSocksProxy() {
    }

    /** A proxy on a free loopback port that lets every client through, whatever its credentials. */
    public static LoopbackSocksProxy start() {
        return start(true);
    }

    /** A proxy on a free loopback port that refuses every client's credentials. */
    public static LoopbackSocksProxy startRefusingCredentials() {
        return start(false);
    }

    private static LoopbackSocksProxy start(boolean acceptCredentials) {
        LoopbackSocksProxy proxy = new LoopbackSocksProxy();
        proxy.server.setFactory(proxy.new TappingFactory());
        proxy.server.setAuthenticator(new UsernamePasswordAuthenticator(false) {
            @Override
            public boolean validate(String username, String password) {
                return acceptCredentials;
            }
        });
        proxy.server.start();
        proxy.awaitListening();
        return proxy;
    }

    /** Where the proxy listens. */
    public SocksProxy address() {
        synchronized (listening) {
            return new SocksProxy("127.0.0.1", listening.get(0).getLocalPort());
        }
    }

    /** The credentials each connection presented, in the order of the connections. */
    public List<Credentials> credentials() {
        return connections.stream().flatMap(connection -> connection.credentials().stream()).toList();
    }

    /** Every connection a client opened to the proxy, in order. */
    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** Stops the proxy: nothing listens on its port any more. */
    @Override
    public void close() throws IOException {
        server.stop();
        synchronized (listening) {
            for (ServerSocket socket : listening) {
                socket.close();
            }
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            synchronized (listening) {
                if (!listening.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the SOCKS proxy did not start listening");
                }
                try {
                    listening.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Makes the proxy listen on a free loopback port, and keep a copy of what each client sends. */
    private final class TappingFactory extends ServerSocketFactory {

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return createServerSocket(0);
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return createServerSocket(port, 50, InetAddress.getLoopbackAddress());
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return createServerSocket(port, backlog, InetAddress.getLoopbackAddress());
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            ServerSocket socket = new TappingServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
            synchronized (listening) {
                listening.add(socket);
                listening.notifyAll();
            }
            return socket;
        }
    }

    private final class TappingServerSocket extends ServerSocket {

        TappingServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Connection connection = new Connection();
            Socket socket = new TappedSocket(connection);
            implAccept(socket);
            connections.add(connection);
            return socket;
        }
    }

    private static final class TappedSocket extends Socket {

        private final Connection connection;

        TappedSocket(Connection connection) {
            this.connection = connection;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        connection.record(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = super.read(buffer, offset, length);
                    if (read > 0) {
                        connection.record(buffer, offset, read);
                    }
                    return read;
                }
            };
        }
    }

    @Override
    public String toString() {
        return "LoopbackSocksProxy" + credentials();
    }
}
