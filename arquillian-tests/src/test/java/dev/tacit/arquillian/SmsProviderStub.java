package dev.tacit.arquillian;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Twilio's Messages API on a free loopback port, for the server under test to send its text
 * messages to: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, HTTP Basic
 * {@code AccountSid:AuthToken}, form fields {@code To}, {@code From}, {@code Body}; answers 201 with a JSON
 * message resource, 401 for wrong credentials, 400 for missing fields, and 500 for {@link #FAILING_NUMBER}.
 * Tests read what was "sent" from here.
 */
public final class SmsProviderStub {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "stub-auth-token";
    public static final String FROM = "+15005550006";
    /** Messages to this number make the stub fail as a provider outage would. */
    public static final String FAILING_NUMBER = "+16465550199";

    private static final Pattern CODE = Pattern.compile("Your Tacit code: ([0-9]{6})");

    private static HttpServer server;
    private static final Map<String, List<String>> MESSAGES = new HashMap<>();

    private SmsProviderStub() {
    }

    static synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SMS provider stub", e);
        }
        server.createContext("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", SmsProviderStub::answer);
        server.start();
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Where the server under test finds the stub: {@code tacit.sms.twilio.base-url}. */
    static synchronized String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** All message texts sent to {@code e164Number}, oldest first. */
    public static synchronized List<String> messagesTo(String e164Number) {
        return List.copyOf(MESSAGES.getOrDefault(e164Number, List.of()));
    }

    /** Every number a message was sent to, with the codes sent to it, oldest first. */
    public static synchronized Map<String, List<String>> codesByNumber() {
        Map<String, List<String>> codes = new HashMap<>();
        MESSAGES.forEach((number, texts) -> codes.put(number, texts.stream()
                .map(CODE::matcher).filter(Matcher::matches).map(matcher -> matcher.group(1)).toList()));
        return codes;
    }

    /** The code in the latest message to {@code e164Number}, if any was sent. */
    public static Optional<String> latestCodeFor(String e164Number) {
        List<String> messages = messagesTo(e164Number);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = CODE.matcher(messages.get(messages.size() - 1));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expectedAuth = "Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"code\":20004,\"message\":\"Method not allowed\",\"status\":405}");
                return;
            }
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String to = form.get("To");
            String body = form.get("Body");
            if (to == null || body == null || !FROM.equals(form.get("From"))) {
                respond(exchange, 400, "{\"code\":21604,\"message\":\"A 'To', 'From' and 'Body' are required\",\"status\":400}");
                return;
            }
            if (FAILING_NUMBER.equals(to)) {
                respond(exchange, 500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
                return;
            }
            synchronized (SmsProviderStub.class) {
                MESSAGES.computeIfAbsent(to, number -> new ArrayList<>()).add(body);
            }
            respond(exchange, 201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                    + "\",\"status\":\"queued\",\"to\":\"" + to + "\",\"from\":\"" + FROM + "\"}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] field = pair.split("=", 2);
            if (field.length == 2) {
                fields.put(URLDecoder.decode(field[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(field[1], StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
