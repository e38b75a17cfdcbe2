package dev.tacit.arquillian;

import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * Starts the database before Arquillian starts WildFly, points WildFly at it, and stops it after WildFly has
 * stopped. A JUnit extension would run too late: the container starts on BeforeSuite, before any test class.
 */
public class TestDatabaseObserver {

    @Inject
    private Instance<ContainerRegistry> containers;

    /** Before the container controller (precedence 0) reads the container configuration. */
    public void startDatabase(@Observes(precedence = 1000) BeforeSuite event) {
        TestDatabase.start();
        ContainerJvmArguments.append(containers.get(), TestDatabase.serverArguments());
    }

    /** After the container controller has stopped WildFly. */
    public void stopDatabase(@Observes(precedence = -1000) AfterSuite event) {
        TestDatabase.stop();
    }
}
