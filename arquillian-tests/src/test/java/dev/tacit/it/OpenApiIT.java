package dev.tacit.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestPorts;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document at {@code /openapi} against docs/protocol.md §4, read from the document itself: every
 * endpoint a §4 heading names is described, with exactly the statuses its section names (plus the
 * {@code default} problem response of §4.1), each problem status with the problem types the section pairs
 * with it, and nothing the section does not name.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`]*)`");
    private static final Pattern STATUS = Pattern.compile("`(\\d{3})[ `]");
    private static final Pattern STATUS_AND_TYPE = Pattern.compile("`(\\d{3})(?:`\\s+`| )(about:blank|[a-z][a-z-]+)`");

    private static JsonObject document;

    @BeforeAll
    static void fetchTheDocument() {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + TestPorts.http() + "/openapi?format=JSON")).GET());
        assertEquals(200, response.statusCode(), response.body());
        document = TacitHttp.json(response);
    }

    @Test
    void everyEndpointOfTheProtocolIsDescribedWithItsStatusesAndProblemTypes() throws IOException {
        Map<String, Section> sections = protocolEndpoints();
        assertTrue(sections.size() >= 10, "docs/protocol.md §4 is read: " + sections.keySet());
        JsonObject paths = document.getJsonObject("paths");
        for (Map.Entry<String, Section> endpoint : sections.entrySet()) {
            String[] methodAndPath = endpoint.getKey().split(" ", 2);
            JsonObject path = paths.getJsonObject(methodAndPath[1]);
            assertNotNull(path, endpoint.getKey() + " is described: " + paths.keySet());
            JsonObject operation = path.getJsonObject(methodAndPath[0].toLowerCase(Locale.ROOT));
            assertNotNull(operation, endpoint.getKey() + " is described");
            JsonObject responses = operation.getJsonObject("responses");
            Set<String> described = new TreeSet<>(responses.keySet());
            assertTrue(described.remove("default"), endpoint.getKey() + " has the default problem response");
            assertEquals(endpoint.getValue().statuses(), described, endpoint.getKey() + ": the statuses of "
                    + endpoint.getValue().heading());
            for (String[] pair : endpoint.getValue().problemTypes()) {
                String type = pair[1].equals("about:blank") ? pair[1] : "urn:tacit:problem:" + pair[1];
                String description = resolve(responses.getJsonObject(pair[0])).getString("description");
                assertTrue(description.contains(type), endpoint.getKey() + " " + pair[0] + " names " + type + ": "
                        + description);
            }
            String text = operation.getString("description", "");
            assertTrue(text.contains("docs/protocol.md " + endpoint.getValue().number()), endpoint.getKey()
                    + " points at its section " + endpoint.getValue().number() + ": " + text);
        }
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().forEach(method -> {
            if (!sections.containsKey(method.toUpperCase(Locale.ROOT) + " " + path)) {
                undocumented.add(method + " " + path);
            }
        }));
        assertEquals(List.of(), undocumented, "operations docs/protocol.md §4 does not specify");
    }

    @Test
    void theDocumentIsTitledAndDescribesTheRequestSignatureOfTheAccountsOwnEndpoints() {
        JsonObject info = document.getJsonObject("info");
        assertEquals("Tacit API", info.getString("title"));
        assertFalse(info.getString("version").isBlank());
        assertTrue(info.getString("description").contains("docs/protocol.md"));
        assertEquals("http://localhost:" + TestPorts.http(),
                document.getJsonArray("servers").getJsonObject(0).getString("url"), "the public origin");

        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("Signature", schemes.getJsonObject("signature").getString("name"));
        assertEquals("Signature-Input", schemes.getJsonObject("signatureInput").getString("name"));
        JsonObject paths = document.getJsonObject("paths");
        for (String path : List.of("/v1/account", "/v1/account/pre-key", "/v1/account/group-public-key",
                "/v1/account/discovery-tokens", "/v1/account/reputation-tokens", "/v1/account/bulk-sender/challenge",
                "/v1/account/bulk-sender/proof", "/v1/account/bulk-sender/tokens")) {
            for (Map.Entry<String, JsonValue> operation : paths.getJsonObject(path).entrySet()) {
                Set<String> required = new HashSet<>();
                operation.getValue().asJsonObject().getJsonArray("security")
                        .forEach(requirement -> required.addAll(requirement.asJsonObject().keySet()));
                assertEquals(Set.of("signature", "signatureInput"), required, operation.getKey() + " " + path);
            }
        }
        assertFalse(paths.getJsonObject("/v1/server").getJsonObject("get").containsKey("security"),
                "anonymous endpoints ask for no signature");
        assertFalse(paths.getJsonObject("/v1/discovery/lookup").getJsonObject("post").containsKey("security"),
                "a look-up is anonymous");
    }

    /** A response object, or the one its {@code $ref} names among the components. */
    private static JsonObject resolve(JsonObject response) {
        assertNotNull(response, "the response is described");
        if (!response.containsKey("$ref")) {
            return response;
        }
        String name = response.getString("$ref").substring("#/components/responses/".length());
        return document.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }

    /** One endpoint's section of §4: its number, heading, the statuses it names and the problem types with them. */
    private record Section(String number, String heading, Set<String> statuses, List<String[]> problemTypes) {
    }

    /** "METHOD /path" to its section, for every endpoint a heading of §4 names. */
    private static Map<String, Section> protocolEndpoints() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("tacit.protocol.doc")), StandardCharsets.UTF_8);
        Map<String, Section> endpoints = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String heading = lines.get(i);
            if (!heading.startsWith("### 4.")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("#"); j++) {
                text.append(lines.get(j)).append('\n');
            }
            Set<String> statuses = new TreeSet<>();
            Matcher status = STATUS.matcher(text);
            while (status.find()) {
                statuses.add(status.group(1));
            }
            List<String[]> types = new ArrayList<>();
            Matcher pair = STATUS_AND_TYPE.matcher(text);
            while (pair.find()) {
                types.add(new String[] {pair.group(1), pair.group(2)});
            }
            String number = "§" + heading.substring(4, heading.indexOf(' ', 4));
            Matcher endpoint = ENDPOINT.matcher(heading);
            while (endpoint.find()) {
                endpoints.put(endpoint.group(1) + " " + endpoint.group(2),
                        new Section(number, heading, statuses, types));
            }
        }
        return endpoints;
    }
}
