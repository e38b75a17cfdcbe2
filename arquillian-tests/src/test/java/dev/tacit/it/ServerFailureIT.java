package dev.tacit.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.ServerLog;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.registration.VerificationToken;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestSigner;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure of the server itself (here: its database gone mid-request) is a 500 problem that names an
 * incident id and tells nothing else; the server's log has the same id with the whole failure.
 */
@ExtendWith(ArquillianExtension.class)
class ServerFailureIT {

    private static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f-]{36})");

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @Test
    void aRegistrationWithoutItsDatabaseIsA500ProblemWhoseIncidentTheLogHas() throws Exception {
        String number = numbers.next();
        VerificationToken token = TestAccounts.verify(number);
        String body = RegistrationClient.registrationBody(TestAccounts.setup(number)).add("verificationToken", token.value())
                .build().toString();

        HttpResponse<String> response = withoutTheDatabase(() -> TacitHttp.send(
                HttpRequest.newBuilder(TacitHttp.API.resolve("accounts")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))));

        assertIncident(response);
    }

    @Test
    void aSignedRequestWithoutTheDatabaseIsA500ProblemWhoseIncidentTheLogHas() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        URI target = TacitHttp.API.resolve("account");
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
        new RequestSigner(AccountRequestKeys.signingKey(account.identity().phoneNumber(), account.keys().identity()),
                ServerClock.clock(), TestAccounts.RANDOM)
                .sign(HttpRequestParts.of("GET", target, HttpFields.empty(), new byte[0])).asMap()
                .forEach(request::header);

        HttpResponse<String> response = withoutTheDatabase(() -> TacitHttp.send(request));

        assertIncident(response);
    }

    private static void assertIncident(HttpResponse<String> response) throws Exception {
        assertEquals(500, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = TacitHttp.json(response);
        assertEquals("about:blank", problem.getString("type"));
        assertEquals(500, problem.getInt("status"));
        Matcher incident = INCIDENT.matcher(problem.getString("detail"));
        assertTrue(incident.find(), problem.getString("detail"));
        assertFalse(response.body().contains("Exception") || response.body().contains("postgres"), response.body());
        String log = ServerLog.text();
        int logged = log.indexOf("incident " + incident.group(1));
        assertTrue(logged >= 0, "the server log names incident " + incident.group(1));
        assertTrue(log.indexOf("\tat ", logged) > logged, "with the failure's stack trace");
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> withoutTheDatabase(Request request) throws Exception {
        TestDatabase.takeDown();
        try {
            return request.send();
        } finally {
            TestDatabase.bringBack();
        }
    }
}
