package dev.tacit.server.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom {@link TwilioSmsGateway} sends. {@link #toString()}, which the log shows, leaves out the
 * auth token and the sending number (no phone number is logged).
 *
 * @param baseUrl    the API's root, {@code https://api.twilio.com} in production
 * @param accountSid the account, also the HTTP Basic user name
 * @param authToken  the HTTP Basic password
 * @param from       the sender number (E.164) or messaging service the provider sends from
 * @param timeout    how long to wait for the provider, connecting and answering each
 */
public record TwilioSettings(URI baseUrl, String accountSid, String authToken, String from, Duration timeout) {

    public TwilioSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        requireSet("tacit.sms.twilio.account-sid", accountSid);
        requireSet("tacit.sms.twilio.auth-token", authToken);
        requireSet("tacit.sms.twilio.from", from);
        Objects.requireNonNull(timeout, "timeout");
    }

    private static void requireSet(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set when tacit.sms.gateway=twilio");
        }
    }

    @Override
    public String toString() {
        return "TwilioSettings[baseUrl=" + baseUrl + ", accountSid=" + accountSid + "]";
    }
}
