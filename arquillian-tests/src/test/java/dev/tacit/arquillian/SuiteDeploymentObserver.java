package dev.tacit.arquillian;

import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;

/** Deploys the {@link SuiteDeployment} when WildFly has started and undeploys it before WildFly stops. */
public class SuiteDeploymentObserver {

    public void deploy(@Observes AfterStart event) {
        SuiteDeployment.deploy();
    }

    public void undeploy(@Observes BeforeStop event) {
        SuiteDeployment.undeploy();
    }

    public void closeManagementClient(@Observes AfterSuite event) {
        ServerManagement.close();
    }
}
