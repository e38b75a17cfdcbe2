package dev.tacit.arquillian;

import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * Applies {@link TestPorts#offset()} to the managed WildFly before Arquillian starts it, and tells the server
 * the origin the tests reach it at (what signed requests cover as their authority, docs/protocol.md §5).
 */
public class PortOffsetObserver {

    @Inject
    private Instance<ContainerRegistry> containers;

    public void shiftPorts(@Observes(precedence = 1000) BeforeSuite event) {
        System.out.println("[tacit] Integration tests: " + TestPorts.describe());
        ContainerJvmArguments.append(containers.get(), "-Dtacit.public-origin=http://localhost:" + TestPorts.http());
        if (TestPorts.offset() == 0) {
            return;
        }
        ContainerJvmArguments.append(containers.get(), "-Djboss.socket.binding.port-offset=" + TestPorts.offset());
        containers.get().getContainers().forEach(container -> container.getContainerConfiguration()
                .property("managementPort", Integer.toString(TestPorts.management())));
    }
}
