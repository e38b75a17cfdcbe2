package dev.tacit.server.sms;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the {@link SmsGateway} from configuration: {@code tacit.sms.gateway} is {@code development}
 * (default: messages go to files, see {@link DevelopmentSmsGateway}) or {@code twilio} (a real provider, see
 * {@link TwilioSmsGateway}, configured by {@code tacit.sms.twilio.*}).
 */
@ApplicationScoped
public class SmsGatewayProducer {

    private static final Logger LOG = Logger.getLogger(SmsGatewayProducer.class.getName());

    @Inject
    @ConfigProperty(name = "tacit.sms.gateway", defaultValue = "development")
    String gateway;

    @Inject
    @ConfigProperty(name = "tacit.sms.development.outbox")
    Optional<String> outbox;

    @Inject
    @ConfigProperty(name = "tacit.sms.twilio.base-url", defaultValue = "https://api.twilio.com")
    String twilioBaseUrl;

    @Inject
    @ConfigProperty(name = "tacit.sms.twilio.account-sid")
    Optional<String> twilioAccountSid;

    @Inject
    @ConfigProperty(name = "tacit.sms.twilio.auth-token")
    Optional<String> twilioAuthToken;

    @Inject
    @ConfigProperty(name = "tacit.sms.twilio.from")
    Optional<String> twilioFrom;

    @Inject
    @ConfigProperty(name = "tacit.sms.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Produces
    @ApplicationScoped
    SmsGateway configuredGateway() {
        return switch (gateway.strip()) {
            case "twilio" -> {
                TwilioSettings settings = new TwilioSettings(URI.create(twilioBaseUrl),
                        twilioAccountSid.orElse(null), twilioAuthToken.orElse(null), twilioFrom.orElse(null), timeout);
                LOG.info(() -> "SMS gateway: Twilio Messages API, " + settings);
                yield new TwilioSmsGateway(settings);
            }
            case "development" -> {
                Path directory = Path.of(outbox.orElseGet(
                        () -> System.getProperty("jboss.server.data.dir", "data") + "/tacit/sms-outbox"));
                LOG.warning(() -> "SMS gateway: development, messages are written to " + directory
                        + " and not sent; set tacit.sms.gateway=twilio in production");
                yield new DevelopmentSmsGateway(directory);
            }
            default -> throw new IllegalStateException(
                    "tacit.sms.gateway must be twilio or development, not " + gateway);
        };
    }
}
