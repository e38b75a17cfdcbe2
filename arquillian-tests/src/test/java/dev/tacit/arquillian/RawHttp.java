package dev.tacit.arquillian;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request written to the server byte for byte over a socket of its own, for what the JDK's HTTP client will
 * not send: a declared length with no content behind it, a malformed request, a request from another local
 * address. Its answer is read whole, as far as its {@code Content-Length} says.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status line, the header fields (names case-insensitive) and the content of an answer. */
    public record Answer(String statusLine, Map<String, String> headers, String content) {

        /** The status code from the status line. */
        public int status() {
            return Integer.parseInt(statusLine.split(" ", 3)[1]);
        }
    }

    /** The {@code Host} field's value for the suite's server. */
    public static String host() {
        return "localhost:" + TestPorts.http();
    }

    /** Sends {@code request} (request line, fields, blank line, content) from the loopback address. */
    public static Answer exchange(String request) throws IOException {
        return exchange(InetAddress.getLoopbackAddress(), request);
    }

    /** Sends {@code request} from {@code localAddress}, which must be a loopback address of this machine. */
    public static Answer exchange(InetAddress localAddress, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), TestPorts.http()));
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String statusLine = answer.readLine();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = answer.readLine(); line != null && !line.isEmpty(); line = answer.readLine()) {
                headers.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).strip());
            }
            char[] content = new char[Integer.parseInt(headers.getOrDefault("Content-Length", "0"))];
            int read = 0;
            for (int chunk = 0; read < content.length && chunk >= 0; read += Math.max(chunk, 0)) {
                chunk = answer.read(content, read, content.length - read);
            }
            return new Answer(statusLine, headers, new String(content, 0, read));
        }
    }
}
