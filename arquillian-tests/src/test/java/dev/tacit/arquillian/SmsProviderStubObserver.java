package dev.tacit.arquillian;

import java.time.Duration;

import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * Starts the {@link SmsProviderStub} before WildFly and points the server's Twilio gateway at it, with
 * verification limits small enough for tests to reach: the production defaults per number and per send, but
 * {@link #SENDS_PER_PREFIX} per prefix and {@link #SENDS_OVERALL} overall per send period. The periods keep
 * their production lengths: tests move the server's clock ({@link ServerClock}) rather than wait them out.
 */
public class SmsProviderStubObserver {

    public static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    public static final Duration SEND_PERIOD = Duration.ofHours(1);
    public static final int SENDS_PER_NUMBER = 3;
    public static final int SENDS_PER_NUMBER_PER_DAY = 6;
    public static final int SENDS_PER_PREFIX = 8;
    /** Well above what the whole suite texts in one real hour (about 60), so only a test that means to spends it. */
    public static final int SENDS_OVERALL = 200;
    public static final int WRONG_CODES_PER_SEND = 3;

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
                "-Dtacit.verification.code-validity=" + CODE_VALIDITY,
                "-Dtacit.verification.send-period=" + SEND_PERIOD,
                "-Dtacit.verification.sends-per-number=" + SENDS_PER_NUMBER,
                "-Dtacit.verification.sends-per-number-per-day=" + SENDS_PER_NUMBER_PER_DAY,
                "-Dtacit.verification.sends-per-prefix=" + SENDS_PER_PREFIX,
                "-Dtacit.verification.sends-overall=" + SENDS_OVERALL,
                "-Dtacit.verification.wrong-codes-per-send=" + WRONG_CODES_PER_SEND));
    }

    public void stopStub(@Observes(precedence = -1000) AfterSuite event) {
        SmsProviderStub.stop();
    }
}
