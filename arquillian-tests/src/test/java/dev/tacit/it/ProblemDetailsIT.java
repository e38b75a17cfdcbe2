package dev.tacit.it;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import jakarta.json.JsonObject;

import dev.tacit.arquillian.TacitHttp;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every error is an RFC 9457 problem details document, never an HTML page or a stack trace (docs/protocol.md
 * §4.1): inside the API and outside it.
 */
@ExtendWith(ArquillianExtension.class)
class ProblemDetailsIT {

    @Test
    void anUnknownPathIsA404Problem() {
        HttpResponse<String> response = TacitHttp.get(TacitHttp.API.resolve("no-such-resource"));

        assertProblem(response, 404, "Not Found");
    }

    @Test
    void anUnsupportedMethodIsA405Problem() {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("server"))
                .DELETE());

        assertProblem(response, 405, "Method Not Allowed");
        Set<String> allowed = Set.of(response.headers().firstValue("Allow").orElse("").split("\\s*,\\s*"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allowed, "the Allow header survives the mapping");
    }

    @Test
    void anUnacceptableMediaTypeIsA406Problem() {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("server"))
                .header("Accept", "image/png"));

        assertProblem(response, 406, "Not Acceptable");
    }

    @Test
    void theRootIsA404Problem() {
        HttpResponse<String> response = TacitHttp.get(TacitHttp.ROOT);

        assertProblem(response, 404, "Not Found");
    }

    @Test
    void aPathOutsideTheApiIsA404ProblemWhateverItsCase() {
        assertProblem(TacitHttp.get(TacitHttp.ROOT.resolve("V1/account")), 404, "Not Found");
        assertProblem(TacitHttp.get(TacitHttp.ROOT.resolve("index.html")), 404, "Not Found");
    }

    @Test
    void otherMethodsOutsideTheApiAre404Problems() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "TRACE"}) {
            for (String path : new String[] {"", "V1/account"}) {
                HttpRequest.BodyPublisher body = method.equals("TRACE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}");
                HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.ROOT.resolve(path))
                        .method(method, body).header("Content-Type", "application/json"));

                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                        method + " /" + path + ": " + response.body());
                assertEquals(404, response.statusCode(), method + " /" + path);
                assertEquals(404, TacitHttp.json(response).getInt("status"));
            }
        }
    }

    @Test
    void traceInsideTheApiIsA405Problem() {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("server"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));

        assertProblem(response, 405, "Method Not Allowed");
    }

    @Test
    void theErrorPageIsNotAResourceOfItsOwn() {
        assertProblem(TacitHttp.get(TacitHttp.ROOT.resolve("_problem")), 404, "Not Found");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String title) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = TacitHttp.json(response);
        assertEquals("about:blank", problem.getString("type"));
        assertEquals(title, problem.getString("title"));
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(response.body().contains("Exception"), "no internals leak: " + response.body());
    }
}
