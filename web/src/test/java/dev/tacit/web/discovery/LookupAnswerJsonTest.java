package dev.tacit.web.discovery;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.discovery.DiscoveryService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The look-up answer as JSON-B (Yasson, as in WildFly) writes it, against docs/protocol.md §4.11's example: the
 * same three members for every number, in order, {@code null} for one that is not registered, and nothing of an
 * unregistered number's decoy.
 */
class LookupAnswerJsonTest {

    private static final Jsonb JSON = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSON.close();
    }

    @Test
    void theServerWritesTheDocumentsAnswer() throws Exception {
        String documented = exampleLine("response");
        List<DiscoveryService.LookupResult> results = new ArrayList<>();
        for (JsonValue value : Json.createReader(new StringReader(documented)).readObject().getJsonArray("results")) {
            JsonObject entry = value.asJsonObject();
            PhoneNumber number = PhoneNumber.of(entry.getString("number"));
            results.add(entry.isNull("keyBundle")
                    ? new DiscoveryService.LookupResult(number, false, new byte[500], new byte[241]) // a decoy
                    : new DiscoveryService.LookupResult(number, true, Base64Url.decode(entry.getString("keyBundle")),
                            Base64Url.decode(entry.getString("groupPublicKey"))));
        }

        String written = JSON.toJson(new DiscoveryResource.LookupResponse(
                results.stream().map(DiscoveryResource.LookupEntry::of).toList()));

        assertEquals(documented, written);
    }

    /** The value of {@code name} in the example block {@code discovery-lookup}. */
    private static String exampleLine(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("tacit.protocol.doc", "../docs/protocol.md")));
        int block = lines.indexOf("```example discovery-lookup");
        for (int i = block + 1; i < lines.size() && !lines.get(i).equals("```"); i++) {
            if (lines.get(i).startsWith(name + ": ")) {
                return lines.get(i).substring(name.length() + 2);
            }
        }
        throw new AssertionError("docs/protocol.md has no example discovery-lookup with " + name);
    }
}
