package dev.tacit.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;

import dev.tacit.arquillian.ServerLog;
import dev.tacit.arquillian.TacitDeployment;
import dev.tacit.arquillian.TacitHttp;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production mode (the default) refuses to start with settings only fit for a developer's machine, saying what
 * to set; and while Tacit is not deployed, because it refused or has not started, the server still answers
 * every request with a problem document (docs/protocol.md §4.1), never an HTML page.
 */
@ExtendWith(ArquillianExtension.class)
class ProductionModeIT {

    private static final String UNSAFE = "unsafe";

    @ArquillianResource
    private Deployer deployer;

    /**
     * The real EAR with a configuration source that outranks the server's settings (ordinal 1000): the
     * development SMS gateway, the development keystore's password and the default database password.
     */
    @Deployment(name = UNSAFE, managed = false, testable = false)
    static EnterpriseArchive unsafe() {
        JavaArchive settings = ShrinkWrap.create(JavaArchive.class, "unsafe-settings.jar")
                .addAsManifestResource(new StringAsset(String.join("\n",
                        "config_ordinal=1000",
                        "tacit.mode=production",
                        "tacit.sms.gateway=development",
                        "tacit.keystore.password=tacit-development-only",
                        "tacit.db.password=tacit")), "microprofile-config.properties");
        return ShrinkWrap.create(EnterpriseArchive.class, "tacit-unsafe.ear").merge(TacitDeployment.ear())
                .addAsLibrary(settings);
    }

    @Test
    void unsafeSettingsStopTheDeploymentWithAMessageSayingWhatToSet() {
        long mark = ServerLog.end();

        assertThrows(Exception.class, () -> deployer.deploy(UNSAFE), "the deployment fails");
        try {
            String refusal = ServerLog.linesAfter(mark).stream()
                    .filter(line -> line.contains("Tacit refuses to start in production mode"))
                    .findFirst().orElseThrow(() -> new AssertionError("the log says why Tacit did not start"));
            for (String setting : List.of("TACIT_SMS_GATEWAY=twilio", "TACIT_KEYSTORE_PATH", "TACIT_DB_PASSWORD",
                    "TACIT_MODE=development")) {
                assertTrue(refusal.contains(setting), "the message names " + setting + ": " + refusal);
            }

            assertUnavailable(TacitHttp.get(TacitHttp.API.resolve("server")));
            assertUnavailable(TacitHttp.get(TacitHttp.ROOT));
            assertUnavailable(TacitHttp.get(TacitHttp.ROOT.resolve("V1/account")));
            assertUnavailable(TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("accounts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))));
        } finally {
            undeployQuietly();
        }
    }

    @Test
    void withoutTacitDeployedEveryPathIsA503Problem() {
        for (URI uri : List.of(TacitHttp.ROOT, TacitHttp.API.resolve("account"), TacitHttp.ROOT.resolve("openapi"),
                TacitHttp.WELL_KNOWN.resolve("private-token-issuer-directory"))) {
            assertUnavailable(TacitHttp.get(uri));
        }
        assertUnavailable(TacitHttp.send(HttpRequest.newBuilder(TacitHttp.ROOT).DELETE()));
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        String what = response.request().method() + " " + response.request().uri();
        assertEquals(503, response.statusCode(), what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        JsonObject problem = TacitHttp.json(response);
        assertEquals("about:blank", problem.getString("type"));
        assertEquals("Service Unavailable", problem.getString("title"));
        assertEquals(503, problem.getInt("status"));
    }

    private void undeployQuietly() {
        try {
            deployer.undeploy(UNSAFE);
        } catch (RuntimeException notDeployed) {
            // WildFly rolled the failed deployment back already
        }
    }
}
