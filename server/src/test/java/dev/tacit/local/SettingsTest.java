package dev.tacit.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsTest {

    @Test
    void aSystemPropertyWinsOverItsEnvironmentVariableAndBlankMeansUnset() {
        Settings settings = new Settings(Map.of("tacit.public-origin", "https://a.example", "tacit.sms.gateway", " "),
                Map.of("TACIT_PUBLIC_ORIGIN", "https://b.example", "TACIT_SMS_GATEWAY", "twilio"));

        assertEquals(Optional.of("https://a.example"), settings.get("tacit.public-origin"));
        assertEquals(Optional.of("twilio"), settings.get("tacit.sms.gateway"));
        assertEquals(Optional.empty(), settings.get("tacit.sms.timeout"));
    }

    @Test
    void serverSettingsGivenAsPropertiesReachTheServerAsGivenAndSecretsThroughItsEnvironment() {
        Settings settings = new Settings(Map.of(
                "tacit.db.password", "s3cret",
                "tacit.keystore.password", "k3y",
                "tacit.sms.twilio.auth-token", "t0ken",
                "tacit.sms.twilio.base-url", "http://localhost:1",
                "tacit.verification.windw", "PT5M",
                "tacit.run.port-offset", "100",
                "tacit.wildfly.home", "/w",
                "user.home", "/root"), Map.of());

        assertEquals(List.of("-Dtacit.sms.twilio.base-url=http://localhost:1", "-Dtacit.verification.windw=PT5M"),
                settings.serverSettingsAsArguments(), "a misspelt setting too, for the server to refuse");
        assertEquals(Map.of("TACIT_DB_PASSWORD", "s3cret", "TACIT_KEYSTORE_PASSWORD", "k3y",
                "TACIT_SMS_TWILIO_AUTH_TOKEN", "t0ken"), settings.secretsAsEnvironment());
    }
}
