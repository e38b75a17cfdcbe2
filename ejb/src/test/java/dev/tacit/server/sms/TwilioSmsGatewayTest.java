package dev.tacit.server.sms;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The gateway against a loopback HTTP server that answers as Twilio's Messages API does. */
class TwilioSmsGatewayTest {

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(201);
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicReference<Map<String, String>> form = new AtomicReference<>();

    @BeforeEach
    void startProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopProvider() {
        server.stop(0);
    }

    @Test
    void postsTheMessageAsTwilioExpects() {
        gateway().send("+14155550100", "Your Tacit code: 123456");

        assertEquals("/2010-04-01/Accounts/AC123/Messages.json", path.get());
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString(
                "AC123:secret".getBytes(StandardCharsets.UTF_8)), authorization.get());
        assertEquals(Map.of("To", "+14155550100", "From", "+15005550006", "Body", "Your Tacit code: 123456"),
                form.get());
    }

    @Test
    void aRefusalIsADeliveryFailure() {
        status.set(400);

        assertThrows(SmsDeliveryException.class, () -> gateway().send("+14155550100", "text"));
    }

    @Test
    void aServerErrorIsADeliveryFailure() {
        status.set(503);

        assertThrows(SmsDeliveryException.class, () -> gateway().send("+14155550100", "text"));
    }

    @Test
    void anUnreachableProviderIsADeliveryFailure() {
        TwilioSmsGateway gateway = gateway();
        server.stop(0);

        assertThrows(SmsDeliveryException.class, () -> gateway.send("+14155550100", "text"));
    }

    @Test
    void missingCredentialsAreAConfigurationError() {
        assertThrows(IllegalStateException.class, () -> new TwilioSettings(URI.create("http://localhost"), "AC123",
                " ", "+15005550006", Duration.ofSeconds(2)));
    }

    @Test
    void settingsDoNotPrintTheAuthTokenOrTheSendingNumber() {
        assertEquals(-1, settings().toString().indexOf("secret"));
        assertEquals(-1, settings().toString().indexOf("5550006"));
    }

    private TwilioSmsGateway gateway() {
        return new TwilioSmsGateway(settings());
    }

    private TwilioSettings settings() {
        URI base = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
        return new TwilioSettings(base, "AC123", "secret", "+15005550006", Duration.ofSeconds(5));
    }

    private void answer(HttpExchange exchange) throws IOException {
        path.set(exchange.getRequestURI().getPath());
        authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        Map<String, String> fields = new HashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            String[] field = pair.split("=", 2);
            fields.put(URLDecoder.decode(field[0], StandardCharsets.UTF_8), URLDecoder.decode(field[1], StandardCharsets.UTF_8));
        }
        form.set(fields);
        byte[] response = "{\"sid\":\"SM1\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status.get(), response.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response);
        }
    }
}
