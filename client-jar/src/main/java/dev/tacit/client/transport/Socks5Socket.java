package dev.tacit.client.transport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A socket whose {@link #connect} reaches its endpoint through a SOCKS5 proxy (RFC 1928) with username/password
 * authentication (RFC 1929), offering no other method, so a proxy that does not take the credentials refuses the
 * connection rather than letting it through unisolated. The endpoint's host name travels to the proxy as a
 * name (address type 3) and is resolved there; this socket never looks a name up, and an endpoint that would
 * need a local look-up is refused. A failure to reach or talk to the proxy never falls back to a direct
 * connection: it fails the connect with a {@link ProxyFailure}.
 */
final class Socks5Socket extends Socket {

    private static final int VERSION = 5;
    private static final int METHOD_USERNAME_PASSWORD = 2;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;
    private static final int AUTH_VERSION = 1;
    private static final int COMMAND_CONNECT = 1;
    private static final int ADDRESS_IPV4 = 1;
    private static final int ADDRESS_NAME = 3;
    private static final int ADDRESS_IPV6 = 4;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 120_000; // a Tor circuit can take a while to build
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final SocksProxy proxy;
    private final SocksCredentials credentials;

    Socks5Socket(SocksProxy proxy, SocksCredentials credentials) {
        this.proxy = proxy;
        this.credentials = credentials;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (!(endpoint instanceof InetSocketAddress target)) {
            throw new IllegalArgumentException("a SOCKS5 connection needs a host and port, not " + endpoint);
        }
        try {
            super.connect(new InetSocketAddress(proxy.host(), proxy.port()), timeout);
        } catch (IOException e) {
            throw ProxyFailure.proxyUnreachable("no SOCKS5 proxy answers at " + proxy + " (" + e.getMessage() + ")", e);
        }
        int previousTimeout = getSoTimeout();
        setSoTimeout(timeout > 0 ? timeout : HANDSHAKE_TIMEOUT_MILLIS);
        try {
            DataInputStream in = new DataInputStream(getInputStream());
            OutputStream out = getOutputStream();
            authenticate(in, out);
            requestConnection(in, out, target.getHostString(), target.getPort());
        } catch (ProxyFailure e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw ProxyFailure.proxyUnreachable("the SOCKS5 proxy at " + proxy + " broke off the handshake ("
                    + e.getMessage() + ")", e);
        }
        setSoTimeout(previousTimeout);
    }

    private void authenticate(DataInputStream in, OutputStream out) throws IOException {
        out.write(new byte[] {VERSION, 1, METHOD_USERNAME_PASSWORD});
        out.flush();
        int version = in.readUnsignedByte();
        int method = in.readUnsignedByte();
        if (version != VERSION) {
            throw ProxyFailure.proxyUnreachable(proxy + " is not a SOCKS5 proxy", null);
        }
        if (method != METHOD_USERNAME_PASSWORD) {
            throw ProxyFailure.proxyUnreachable("the SOCKS5 proxy at " + proxy + " refuses username/password "
                    + "authentication" + (method == NO_ACCEPTABLE_METHOD ? "" : " (it chose method " + method + ")")
                    + ", which stream isolation needs", null);
        }
        byte[] username = credentials.username();
        byte[] password = credentials.password();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(AUTH_VERSION);
        request.write(username.length);
        request.write(username);
        request.write(password.length);
        request.write(password);
        out.write(request.toByteArray());
        out.flush();
        in.readUnsignedByte(); // the sub-negotiation's version; RFC 1929 servers answer 1, some echo 5
        if (in.readUnsignedByte() != 0) {
            throw ProxyFailure.proxyUnreachable("the SOCKS5 proxy at " + proxy + " refused this session's credentials",
                    null);
        }
    }

    private void requestConnection(DataInputStream in, OutputStream out, String host, int port) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(new byte[] {VERSION, COMMAND_CONNECT, 0});
        writeAddress(request, host);
        request.write(port >>> 8);
        request.write(port);
        out.write(request.toByteArray());
        out.flush();
        int version = in.readUnsignedByte();
        int reply = in.readUnsignedByte();
        in.readUnsignedByte(); // reserved
        if (version != VERSION) {
            throw ProxyFailure.proxyUnreachable(proxy + " answered the connection request with version " + version,
                    null);
        }
        if (reply != 0) {
            throw ProxyFailure.serverUnreachable("the SOCKS5 proxy at " + proxy + " could not connect to " + host
                    + ":" + port + ": " + replyText(reply));
        }
        skipBoundAddress(in);
    }

    /** IP literals as addresses, anything else as a name for the proxy to resolve; never a local look-up. */
    private static void writeAddress(ByteArrayOutputStream request, String host) throws IOException {
        if (IPV4.matcher(host).matches() || host.indexOf(':') >= 0) {
            byte[] address = InetAddress.getByName(host).getAddress(); // a literal: parsed, not looked up
            request.write(address.length == 4 ? ADDRESS_IPV4 : ADDRESS_IPV6);
            request.write(address);
            return;
        }
        byte[] name = host.getBytes(StandardCharsets.US_ASCII);
        if (name.length == 0 || name.length > 255) {
            throw new IOException("a host name for SOCKS5 is 1 to 255 characters");
        }
        request.write(ADDRESS_NAME);
        request.write(name.length);
        request.write(name);
    }

    private static void skipBoundAddress(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        int length = switch (type) {
            case ADDRESS_IPV4 -> 4;
            case ADDRESS_IPV6 -> 16;
            case ADDRESS_NAME -> in.readUnsignedByte();
            default -> throw new EOFException("unknown address type " + type + " in the proxy's reply");
        };
        in.readFully(new byte[length + 2]);
    }

    private static String replyText(int reply) {
        return switch (reply) {
            case 1 -> "general SOCKS server failure";
            case 2 -> "connection not allowed by ruleset";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "reply code " + reply;
        };
    }

    @Override
    public String toString() {
        return "Socks5Socket[via " + proxy + ", connected=" + isConnected() + "]";
    }
}
