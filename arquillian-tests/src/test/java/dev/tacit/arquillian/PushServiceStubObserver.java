package dev.tacit.arquillian;

import java.nio.file.Path;
import java.time.Duration;

import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * Starts the {@link PushServiceStub} before WildFly and has the server trust its certificate (the server's trust
 * store is the stub's alone: nothing else the suite's server calls speaks TLS), with a push timeout of
 * {@link #TIMEOUT}, so that a hanging push service is given up soon.
 */
public class PushServiceStubObserver {

    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    private Instance<ContainerRegistry> containers;

    public void startStub(@Observes(precedence = 1000) BeforeSuite event) {
        PushServiceStub.start(Path.of("target", "push-stub").toAbsolutePath());
        ContainerJvmArguments.append(containers.get(), String.join(" ",
                "-Djavax.net.ssl.trustStore=" + PushServiceStub.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + PushServiceStub.PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Dtacit.push.timeout=" + TIMEOUT));
    }

    public void stopStub(@Observes(precedence = -1000) AfterSuite event) {
        PushServiceStub.stop();
    }
}
