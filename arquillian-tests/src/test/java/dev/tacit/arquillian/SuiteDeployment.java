package dev.tacit.arquillian;

import java.io.InputStream;

import org.jboss.as.controller.client.helpers.standalone.ServerDeploymentHelper;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * The tests' tacit.ear ({@link TacitDeployment}), deployed once for the whole suite as soon as WildFly has
 * started and undeployed before it stops, rather than once per test class: every integration test runs
 * against one running application, as clients do, and the suite saves a deployment per class. Test classes
 * therefore have no {@code @Deployment}; a test that moves the server's clock resets it.
 */
public final class SuiteDeployment {

    static final String NAME = "tacit.ear";

    private static boolean deployed;

    private SuiteDeployment() {
    }

    /** Deploys the tests' tacit.ear; the server's clock starts at the system clock. */
    public static synchronized void deploy() {
        try (InputStream ear = TacitDeployment.ear().as(ZipExporter.class).exportAsInputStream()) {
            new ServerDeploymentHelper(ServerManagement.client()).deploy(NAME, ear);
            deployed = true;
            ServerClock.deployed();
            BatchJobs.deployed();
        } catch (Exception e) {
            throw new IllegalStateException("cannot deploy the tests' tacit.ear; see the server log", e);
        }
    }

    /** Undeploys it, for a test that deploys tacit.ear in another way (and {@link #deploy()}s it again after). */
    public static synchronized void undeploy() {
        if (!deployed) {
            return;
        }
        try {
            new ServerDeploymentHelper(ServerManagement.client()).undeploy(NAME);
            deployed = false;
        } catch (Exception e) {
            throw new IllegalStateException("cannot undeploy the tests' tacit.ear", e);
        }
    }
}
