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
    private static final String WRONG_ORIGIN = "wrong-origin";

    @ArquillianResource
    private Deployer deployer;

    /** The real EAR with the development SMS gateway and the development keystore's and database's passwords. */
    @Deployment(name = UNSAFE, managed = false, testable = false)
    static EnterpriseArchive unsafe() {
        return withSettings(UNSAFE, "tacit.mode=production", "tacit.sms.gateway=development",
                "tacit.keystore.password=tacit-development-only", "tacit.db.password=tacit");
    }

    /** The real EAR with a public origin that is not a scheme, host and port. */
    @Deployment(name = WRONG_ORIGIN, managed = false, testable = false)
    static EnterpriseArchive wrongOrigin() {
        return withSettings(WRONG_ORIGIN, "tacit.public-origin=tacit.example:8443");
    }

    /** tacit.ear with a configuration source that outranks the server's settings (ordinal 1000). */
    private static EnterpriseArchive withSettings(String name, String... settings) {
        JavaArchive source = ShrinkWrap.create(JavaArchive.class, name + "-settings.jar")
                .addAsManifestResource(new StringAsset("config_ordinal=1000\n" + String.join("\n", settings)),
                        "microprofile-config.properties");
        return ShrinkWrap.create(EnterpriseArchive.class, "tacit-" + name + ".ear").merge(TacitDeployment.ear())
                .addAsLibrary(source);
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
            undeployQuietly(UNSAFE);
        }
    }

    @Test
    void aWrongPublicOriginStopsTheDeploymentWithAMessage() {
        long mark = ServerLog.end();

        assertThrows(Exception.class, () -> deployer.deploy(WRONG_ORIGIN), "the deployment fails");
        try {
            assertTrue(ServerLog.linesAfter(mark).stream().anyMatch(line -> line.contains(
                    "tacit.public-origin (TACIT_PUBLIC_ORIGIN) is \"tacit.example:8443\"")),
                    "the log says which setting is wrong and how");
            assertUnavailable(TacitHttp.get(TacitHttp.API.resolve("server")));
        } finally {
            undeployQuietly(WRONG_ORIGIN);
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

    private void undeployQuietly(String name) {
        try {
            deployer.undeploy(name);
        } catch (RuntimeException notDeployed) {
            // WildFly rolled the failed deployment back already
        }
    }
}
