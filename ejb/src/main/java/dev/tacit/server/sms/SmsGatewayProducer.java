package dev.tacit.server.sms;

import java.nio.file.Path;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import dev.tacit.server.settings.TacitSettings;

/**
 * Chooses the {@link SmsGateway} from configuration: {@code tacit.sms.gateway} is {@code development}
 * (default: messages go to files, see {@link DevelopmentSmsGateway}) or {@code twilio} (a real provider, see
 * {@link TwilioSmsGateway}, configured by {@code tacit.sms.twilio.*}).
 */
@ApplicationScoped
public class SmsGatewayProducer {

    private static final Logger LOG = Logger.getLogger(SmsGatewayProducer.class.getName());

    @Inject
    TacitSettings settings;

    @Produces
    @ApplicationScoped
    SmsGateway configuredGateway() {
        TacitSettings.Sms sms = settings.sms();
        return switch (sms.gateway()) {
            case TWILIO -> {
                TwilioSettings twilioSettings = TwilioSettings.of(sms);
                LOG.info(() -> "SMS gateway: Twilio Messages API, " + twilioSettings);
                yield new TwilioSmsGateway(twilioSettings);
            }
            case DEVELOPMENT -> {
                Path directory = sms.development().outbox().orElseGet(
                        () -> Path.of(System.getProperty("jboss.server.data.dir", "data"), "tacit", "sms-outbox"));
                LOG.warning(() -> "SMS gateway: development, messages are written to " + directory
                        + " and not sent; set tacit.sms.gateway=twilio in production");
                yield new DevelopmentSmsGateway(directory);
            }
        };
    }
}
