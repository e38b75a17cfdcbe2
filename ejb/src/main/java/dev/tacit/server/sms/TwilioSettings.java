package dev.tacit.server.sms;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tacit.server.settings.TacitSettings;

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

    /** @throws IllegalStateException naming every one of the account, token and sender that is not set */
    public TwilioSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        List<String> missing = new ArrayList<>();
        requireSet(missing, "tacit.sms.twilio.account-sid", accountSid);
        requireSet(missing, "tacit.sms.twilio.auth-token", authToken);
        requireSet(missing, "tacit.sms.twilio.from", from);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join(", ", missing) + " must be set when tacit.sms.gateway is twilio");
        }
    }

    /** @throws IllegalStateException as the constructor */
    public static TwilioSettings of(TacitSettings.Sms sms) {
        TacitSettings.Sms.Twilio twilio = sms.twilio();
        return new TwilioSettings(twilio.baseUrl(), twilio.accountSid().orElse(null), twilio.authToken().orElse(null),
                twilio.from().orElse(null), sms.timeout());
    }

    private static void requireSet(List<String> missing, String name, String value) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }

    @Override
    public String toString() {
        return "TwilioSettings[baseUrl=" + baseUrl + ", accountSid=" + accountSid + "]";
    }
}
