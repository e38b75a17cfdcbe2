package dev.tacit.server.sms;

/**
 * Sends text messages. Which implementation runs is configuration ({@code tacit.sms.gateway}), chosen by
 * {@link SmsGatewayProducer}.
 */
public interface SmsGateway {

    /**
     * Sends {@code text} to {@code e164Number} and returns once the provider has accepted it.
     *
     * @throws SmsDeliveryException if the provider refused the message or could not be reached
     */
    void send(String e164Number, String text);
}
