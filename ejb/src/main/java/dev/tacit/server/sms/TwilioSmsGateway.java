package dev.tacit.server.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends through Twilio's Messages API: {@code POST {baseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json}
 * with the form fields {@code To}, {@code From} and {@code Body}, HTTP Basic authentication
 * {@code AccountSid:AuthToken}; {@code 201 Created} means accepted. Any other answer, or none in time, is an
 * {@link SmsDeliveryException}. Logs never carry the message text: it holds a code.
 */
public final class TwilioSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(TwilioSmsGateway.class.getName());

    private final TwilioSettings settings;
    private final HttpClient client;
    private final URI messages;
    private final String authorization;

    public TwilioSmsGateway(TwilioSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        this.messages = URI.create(base + "/2010-04-01/Accounts/"
                + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(String e164Number, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", e164Number);
        form.put("From", settings.from());
        form.put("Body", text);
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(settings.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmsDeliveryException("the SMS provider could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException("interrupted while sending an SMS", e);
        }
        if (response.statusCode() != 201) {
            LOG.warning(() -> "The SMS provider refused a message with status " + response.statusCode());
            throw new SmsDeliveryException("the SMS provider answered " + response.statusCode());
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
