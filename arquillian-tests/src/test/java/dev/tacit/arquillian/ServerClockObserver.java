package dev.tacit.arquillian;

import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;

/** Keeps {@link ServerClock} in step with the deployments: each new one starts at the system clock. */
public class ServerClockObserver {

    public void deployed(@Observes AfterDeploy event) {
        ServerClock.deployed();
    }

    public void closeManagementClient(@Observes AfterSuite event) {
        ScheduledJobs.close();
    }
}
