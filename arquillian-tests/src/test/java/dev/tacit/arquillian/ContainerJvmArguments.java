package dev.tacit.arquillian;

import org.jboss.arquillian.config.descriptor.api.ContainerDef;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.ContainerRegistry;

/** Adds JVM arguments to the managed containers' configuration, before they start. */
final class ContainerJvmArguments {

    private static final String PROPERTY = "javaVmArguments";

    private ContainerJvmArguments() {
    }

    static void append(ContainerRegistry registry, String arguments) {
        for (Container container : registry.getContainers()) {
            ContainerDef definition = container.getContainerConfiguration();
            String existing = definition.getContainerProperties().getOrDefault(PROPERTY, "");
            definition.property(PROPERTY, (existing + " " + arguments).strip());
        }
    }
}
