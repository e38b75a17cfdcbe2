package dev.tacit.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonObject;

import dev.tacit.arquillian.BatchJobs;
import dev.tacit.arquillian.Operators;
import dev.tacit.arquillian.Operators.Operator;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.registration.RegisteredAccount;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's resource {@code /v1/operator/jobs/{job}/executions} (README, "Operating the batch jobs"): only the
 * operator's credentials, checked by the web module's Elytron realm, open it; no credentials and wrong ones are
 * 401 with a Basic challenge, an account's valid signature 403, an identity of the realm without the operator's
 * role 401; and the operator's credentials open nothing of an account's.
 */
@ExtendWith(ArquillianExtension.class)
class OperatorJobsIT {

    private static final URI PURGE = TacitHttp.API.resolve("operator/jobs/purge-expired-records/executions");

    private static Operator operator;
    private static Operator notAnOperator;

    @BeforeAll
    static void operators() {
        operator = Operators.create(true);
        notAnOperator = Operators.create(false);
    }

    @AfterAll
    static void removeOperators() {
        Operators.remove(operator);
        Operators.remove(notAnOperator);
    }

    @Test
    void withoutCredentialsTheAnswerIs401WithABasicChallenge() {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(PURGE).GET());

        assertUnauthenticated(response);
    }

    @Test
    void wrongCredentialsAndAnIdentityWithoutTheRoleAre401() {
        Operator wrongPassword = new Operator(operator.name(), operator.password() + "0");

        assertUnauthenticated(TacitHttp.send(HttpRequest.newBuilder(PURGE).GET()
                .header("Authorization", wrongPassword.authorization())));
        assertUnauthenticated(TacitHttp.send(HttpRequest.newBuilder(PURGE).GET()
                .header("Authorization", notAnOperator.authorization())));
        assertUnauthenticated(TacitHttp.send(HttpRequest.newBuilder(PURGE).GET()
                .header("Authorization", "Basic not-base64")));
    }

    @Test
    void anAccountsSignatureIs403() throws Exception {
        RegisteredAccount account = TestAccounts.register(TestNumbers.freshPrefix().next());
        byte[] content = "{}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = TacitHttp.send(TacitHttp.signJson(HttpRequest.newBuilder(PURGE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)), "POST", PURGE, content, account));

        assertEquals(403, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(403, TacitHttp.json(response).getInt("status"));
    }

    @Test
    void theOperatorStartsAJobAndListsItsExecutionsWithTheirCounts() {
        HttpResponse<String> started = TacitHttp.send(HttpRequest.newBuilder(PURGE)
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", operator.authorization()));

        assertEquals(202, started.statusCode(), started.body());
        long id = TacitHttp.json(started).getJsonNumber("executionId").longValue();
        assertEquals("COMPLETED", BatchJobs.awaitEnd(id).status());

        HttpResponse<String> listed = TacitHttp.send(HttpRequest.newBuilder(PURGE).GET()
                .header("Authorization", operator.authorization()));

        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject execution = TacitHttp.json(listed).getJsonArray("executions").stream()
                .map(value -> value.asJsonObject())
                .filter(value -> value.getJsonNumber("executionId").longValue() == id)
                .findFirst().orElseThrow(() -> new AssertionError("execution " + id + " is listed: " + listed.body()));
        assertEquals("COMPLETED", execution.getString("status"));
        assertEquals(6, execution.getJsonArray("steps").size(), execution.toString());
        JsonObject firstStep = execution.getJsonArray("steps").getJsonObject(0);
        assertEquals("delete-undelivered-messages", firstStep.getString("step"));
        assertTrue(firstStep.containsKey("read") && firstStep.containsKey("written") && firstStep.containsKey("skipped"),
                firstStep.toString());
    }

    @Test
    void anUnknownJobIs404AndABadListingLimit400() {
        HttpResponse<String> unknown = TacitHttp.send(HttpRequest.newBuilder(
                TacitHttp.API.resolve("operator/jobs/no-such-job/executions")).GET()
                .header("Authorization", operator.authorization()));
        HttpResponse<String> badLimit = TacitHttp.send(HttpRequest.newBuilder(URI.create(PURGE + "?instances=0")).GET()
                .header("Authorization", operator.authorization()));

        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("urn:tacit:problem:unknown-job", TacitHttp.json(unknown).getString("type"));
        assertEquals(400, badLimit.statusCode(), badLimit.body());
        assertEquals("urn:tacit:problem:invalid-operator-request", TacitHttp.json(badLimit).getString("type"));
    }

    @Test
    void theOperatorsCredentialsOpenNothingOfAnAccount() {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("account")).GET()
                .header("Authorization", operator.authorization()));

        assertEquals(401, response.statusCode(), response.body());
        assertEquals("urn:tacit:problem:unauthenticated", TacitHttp.json(response).getString("type"));
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("urn:tacit:problem:operator-unauthenticated", TacitHttp.json(response).getString("type"));
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="),
                response.headers().map().toString());
    }
}
