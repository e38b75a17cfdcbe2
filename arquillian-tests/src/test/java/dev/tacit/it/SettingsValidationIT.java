package dev.tacit.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;

import dev.tacit.arquillian.SuiteDeployment;
import dev.tacit.arquillian.TacitDeployment;
import dev.tacit.arquillian.TacitHttp;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong setting fails the deployment of tacit.ear with a message that names it and says what to set:
 * checked while the application deploys (TacitSettings, SettingsRules), before anything runs, and leaving
 * nothing behind. Production mode (the default) is part of that check: it refuses settings only fit for a
 * developer's machine. Each attempt deploys the tests' tacit.ear with a configuration source of its own that
 * outranks the server's settings ({@link TacitDeployment#withSettings}). The suite's own deployment steps aside
 * meanwhile ({@link SuiteDeployment}), so these tests also see that while Tacit is not deployed, because it
 * refused to start or has not started, the server answers every request with a 503 problem document
 * (docs/protocol.md §4.1), never an HTML page.
 */
@ExtendWith(ArquillianExtension.class)
class SettingsValidationIT {

    private static final String OUT_OF_BOUNDS = "out-of-bounds";
    private static final String CONTRADICTING = "contradicting";
    private static final String UNSAFE = "unsafe";
    private static final String WRONG_ORIGIN = "wrong-origin";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = OUT_OF_BOUNDS, managed = false, testable = false)
    static EnterpriseArchive outOfBounds() {
        return TacitDeployment.withSettings(OUT_OF_BOUNDS, "tacit.identity-certificate.validity=P0D");
    }

    @Deployment(name = CONTRADICTING, managed = false, testable = false)
    static EnterpriseArchive contradicting() {
        return TacitDeployment.withSettings(CONTRADICTING, "tacit.tokens.signing-period=P30D",
                "tacit.tokens.verification-period=P20D");
    }

    /** The development SMS gateway and the development keystore's and database's passwords, in production. */
    @Deployment(name = UNSAFE, managed = false, testable = false)
    static EnterpriseArchive unsafe() {
        return TacitDeployment.withSettings(UNSAFE, "tacit.mode=production", "tacit.sms.gateway=development",
                "tacit.keystore.password=tacit-development-only", "tacit.db.password=tacit");
    }

    /** A public origin that is not a scheme, host and port. */
    @Deployment(name = WRONG_ORIGIN, managed = false, testable = false)
    static EnterpriseArchive wrongOrigin() {
        return TacitDeployment.withSettings(WRONG_ORIGIN, "tacit.public-origin=tacit.example:8443");
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
    void aValueOutOfBoundsFailsTheDeploymentNamingTheSetting() {
        String failure = deploymentFailure(OUT_OF_BOUNDS);

        assertTrue(failure.contains("tacit.identity-certificate.validity"), failure);
        assertTrue(failure.contains("must be a positive duration, not P0D"), failure);
    }

    @Test
    void settingsThatContradictEachOtherFailTheDeploymentNamingThem() {
        String failure = deploymentFailure(CONTRADICTING);

        assertTrue(failure.contains("tacit.tokens.signing-period and tacit.tokens.verification-period: "), failure);
    }

    @Test
    void unsafeSettingsInProductionModeFailTheDeploymentSayingWhatToSet() {
        String failure = deploymentFailure(UNSAFE);

        assertTrue(failure.contains("Tacit refuses to start in production mode"), failure);
        for (String setting : List.of("TACIT_SMS_GATEWAY=twilio", "TACIT_KEYSTORE_PASSWORD", "TACIT_DB_PASSWORD",
                "TACIT_MODE=development")) {
            assertTrue(failure.contains(setting), "the message names " + setting + ": " + failure);
        }
    }

    @Test
    void aWrongPublicOriginFailsTheDeploymentNamingIt() {
        String failure = deploymentFailure(WRONG_ORIGIN);

        assertTrue(failure.contains("tacit.public-origin"), failure);
        assertTrue(failure.contains("tacit.example:8443"), failure);
    }

    @Test
    void withoutTacitDeployedEveryPathIsA503Problem() {
        for (URI uri : List.of(TacitHttp.ROOT, TacitHttp.ROOT.resolve("V1/account"), TacitHttp.API.resolve("server"),
                TacitHttp.API.resolve("account"), TacitHttp.ROOT.resolve("openapi"),
                TacitHttp.WELL_KNOWN.resolve("private-token-issuer-directory"))) {
            assertUnavailable(TacitHttp.get(uri));
        }
        assertUnavailable(TacitHttp.send(HttpRequest.newBuilder(TacitHttp.ROOT).DELETE()));
        assertUnavailable(TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("accounts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))));
    }

    /**
     * Tries to deploy {@code deployment}; returns the failure with all its causes, once the server is ready
     * again without the application (no health check of it was left) and answers 503 in its place.
     */
    private String deploymentFailure(String deployment) {
        StringBuilder failure = new StringBuilder();
        Exception refused = assertThrows(Exception.class, () -> deployer.deploy(deployment));
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            failure.append(cause.getMessage()).append('\n');
        }
        try {
            deployer.undeploy(deployment);
        } catch (RuntimeException notDeployed) {
            // WildFly rolled the failed deployment back already
        }
        HttpResponse<String> ready = TacitHttp.get(TacitHttp.HEALTH.resolve("ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        assertUnavailable(TacitHttp.get(TacitHttp.API.resolve("server")));
        return failure.toString();
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
}
