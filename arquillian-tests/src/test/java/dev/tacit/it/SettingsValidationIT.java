package dev.tacit.it;

import java.io.IOException;
import java.net.http.HttpResponse;

import dev.tacit.arquillian.SuiteDeployment;
import dev.tacit.arquillian.TacitDeployment;
import dev.tacit.arquillian.TacitHttp;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong setting fails the deployment of tacit.ear with a message that names it: checked while the
 * application deploys (TacitSettings, SettingsRules), before anything runs, and leaving nothing behind. The
 * setting is a system property of the running server, added for one deployment attempt and removed again;
 * only settings the suite does not pass to the server are used, since removing one clears it. The suite's
 * own deployment of tacit.ear steps aside meanwhile ({@link SuiteDeployment}).
 */
@ExtendWith(ArquillianExtension.class)
class SettingsValidationIT {

    private static final String DEPLOYMENT = "tacit-with-a-wrong-setting";

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    ManagementClient management;

    /** The tests' tacit.ear under a name of its own, so that clearing up after it leaves the suite's alone. */
    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive tacit() {
        return ShrinkWrap.create(EnterpriseArchive.class, DEPLOYMENT + ".ear").merge(TacitDeployment.ear());
    }

    @BeforeAll
    static void withoutTheSuitesDeployment() {
        SuiteDeployment.undeploy();
    }

    @AfterAll
    static void withTheSuitesDeploymentAgain() {
        SuiteDeployment.deploy();
    }

    @Test
    void aValueOutOfBoundsFailsTheDeploymentNamingTheSetting() throws Exception {
        String failure = deploymentFailureWith("tacit.identity-certificate.validity", "P0D");

        assertTrue(failure.contains("tacit.identity-certificate.validity"), failure);
        assertTrue(failure.contains("must be a positive duration, not P0D"), failure);
    }

    @Test
    void settingsThatContradictEachOtherFailTheDeploymentNamingThem() throws Exception {
        String failure = deploymentFailureWith("tacit.keystore.path", "/nonexistent/kek.p12");

        assertTrue(failure.contains("tacit.keystore.password must be set when tacit.keystore.path is"), failure);
    }

    /**
     * Tries to deploy tacit.ear while the server has {@code name=value}; returns the failure with all its
     * causes, once the server is ready again without the application (no health check of it was left).
     */
    private String deploymentFailureWith(String name, String value) throws IOException {
        assertFalse(serverSystemProperties().has(name), name + " is set already; removing it would clear it");
        systemProperty("add", name, value);
        StringBuilder failure = new StringBuilder();
        try {
            Exception refused = assertThrows(Exception.class, () -> deployer.deploy(DEPLOYMENT));
            for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                failure.append(cause.getMessage()).append('\n');
            }
        } finally {
            systemProperty("remove", name, null);
        }
        HttpResponse<String> ready = TacitHttp.get(TacitHttp.HEALTH.resolve("ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        return failure.toString();
    }

    private ModelNode serverSystemProperties() throws IOException {
        ModelNode request = new ModelNode();
        request.get("operation").set("read-attribute");
        request.get("address").add("core-service", "platform-mbean").add("type", "runtime");
        request.get("name").set("system-properties");
        return execute(request).get("result");
    }

    private void systemProperty(String operation, String name, String value) throws IOException {
        ModelNode request = new ModelNode();
        request.get("operation").set(operation);
        request.get("address").add("system-property", name);
        if (value != null) {
            request.get("value").set(value);
        }
        execute(request);
    }

    private ModelNode execute(ModelNode request) throws IOException {
        ModelNode result = management.getControllerClient().execute(request);
        assertEquals("success", result.get("outcome").asString(), result.toString());
        return result;
    }
}
