package dev.tacit.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestPorts;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server describes its HTTP API as an OpenAPI document at {@code /openapi}. */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    @Test
    void theOpenApiDocumentListsTheRegistrationEndpoints() {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + TestPorts.http() + "/openapi?format=JSON")).GET());

        assertEquals(200, response.statusCode(), response.body());
        JsonObject paths = TacitHttp.json(response).getJsonObject("paths");
        for (String path : new String[] {"/v1/verification/code", "/v1/verification/confirm", "/v1/accounts",
                "/v1/account", "/v1/account/pre-key", "/v1/account/group-public-key", "/v1/ca-certificates"}) {
            assertTrue(paths.containsKey(path), path + " is described: " + paths.keySet());
        }
    }
}
