package dev.tacit.arquillian;

import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * Starts the {@link SmsProviderStub} before WildFly and points the server's Twilio gateway at it, with
 * verification settings that let tests reach the limits and an expired code quickly:
 * {@link #WINDOW_SECONDS}-second code windows, {@link #SENDS_PER_NUMBER} sends per number and
 * {@link #SENDS_PER_PREFIX} per prefix per hour, {@link #WRONG_CODES_PER_NUMBER} wrong codes per window.
 */
public class SmsProviderStubObserver {

    public static final int WINDOW_SECONDS = 20;
    public static final int SENDS_PER_NUMBER = 3;
    public static final int SENDS_PER_PREFIX = 8;
    public static final int WRONG_CODES_PER_NUMBER = 3;

    @Inject
    private Instance<ContainerRegistry> containers;

    public void startStub(@Observes(precedence = 1000) BeforeSuite event) {
        SmsProviderStub.start();
        ContainerJvmArguments.append(containers.get(), String.join(" ",
                "-Dtacit.sms.gateway=twilio",
                "-Dtacit.sms.twilio.base-url=" + SmsProviderStub.baseUrl(),
                "-Dtacit.sms.twilio.account-sid=" + SmsProviderStub.ACCOUNT_SID,
                "-Dtacit.sms.twilio.auth-token=" + SmsProviderStub.AUTH_TOKEN,
                "-Dtacit.sms.twilio.from=" + SmsProviderStub.FROM,
                "-Dtacit.sms.timeout=PT5S",
                "-Dtacit.verification.window=PT" + WINDOW_SECONDS + "S",
                "-Dtacit.verification.send-period=PT1H",
                "-Dtacit.verification.sends-per-number=" + SENDS_PER_NUMBER,
                "-Dtacit.verification.sends-per-prefix=" + SENDS_PER_PREFIX,
                "-Dtacit.verification.wrong-codes-per-number=" + WRONG_CODES_PER_NUMBER));
    }

    public void stopStub(@Observes(precedence = -1000) AfterSuite event) {
        SmsProviderStub.stop();
    }
}
