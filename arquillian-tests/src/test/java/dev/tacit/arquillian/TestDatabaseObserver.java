package dev.tacit.arquillian;

import java.util.Map;

import org.jboss.arquillian.config.descriptor.api.ContainerDef;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * Starts the database before Arquillian starts WildFly and stops it after WildFly has stopped. A JUnit
 * extension would run too late: the container starts on BeforeSuite, before any test class is touched.
 */
public class TestDatabaseObserver {

    private static final String JVM_ARGUMENTS = "javaVmArguments";

    @Inject
    private Instance<ContainerRegistry> containers;

    /** Before the container controller (precedence 0) reads the container configuration. */
    public void startDatabase(@Observes(precedence = 1000) BeforeSuite event) {
        TestDatabase.start();
        String databaseArguments = String.join(" ", TestDatabase.settings().asSystemPropertyArguments());
        for (Container container : containers.get().getContainers()) {
            ContainerDef definition = container.getContainerConfiguration();
            Map<String, String> properties = definition.getContainerProperties();
            String arguments = properties.getOrDefault(JVM_ARGUMENTS, "");
            definition.property(JVM_ARGUMENTS, (arguments + " " + databaseArguments).strip());
        }
    }

    /** After the container controller has stopped WildFly. */
    public void stopDatabase(@Observes(precedence = -1000) AfterSuite event) {
        TestDatabase.stop();
    }
}
