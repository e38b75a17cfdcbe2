package dev.tacit.it;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TacitDeployment;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.TokenKeyId;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token-issuer keys: generated at first start, stored sealed, published as an RFC 9578 directory. */
@ExtendWith(ArquillianExtension.class)
class TokenIssuerDirectoryIT {

    @Deployment(testable = false)
    static EnterpriseArchive tacit() {
        return TacitDeployment.ear();
    }

    @Test
    void publishesTheStoredKeysInTheIssuerDirectoryFormat() throws Exception {
        HttpResponse<String> response = TacitHttp.get(TacitHttp.WELL_KNOWN.resolve("private-token-issuer-directory"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/private-token-issuer-directory",
                response.headers().firstValue("Content-Type").orElse(""));
        JsonObject directory = TacitHttp.json(response);
        assertEquals("/v1/accounts", directory.getString("issuer-request-uri"));
        Map<TokenKeyId, Long> published = new HashMap<>();
        for (JsonValue entry : directory.getJsonArray("token-keys")) {
            JsonObject key = entry.asJsonObject();
            assertEquals(2, key.getInt("token-type"));
            published.put(IssuerPublicKey.decode(Base64.getUrlDecoder().decode(key.getString("token-key"))).keyId(),
                    key.getJsonNumber("not-before").longValueExact());
        }
        assertEquals(storedKeys(), published, "every stored key, not before it starts signing");
        assertTrue(published.values().stream().anyMatch(notBefore -> notBefore <= ServerClock.instant().getEpochSecond()),
                "a key signs from the first start");
    }

    @Test
    void theDirectoryIsNotPartOfTheVersionedApi() {
        assertEquals(404, TacitHttp.get(TacitHttp.API.resolve("private-token-issuer-directory")).statusCode());
    }

    @Test
    void theDirectoryCannotBeWritten() {
        HttpResponse<String> response = TacitHttp.send(java.net.http.HttpRequest.newBuilder(
                TacitHttp.WELL_KNOWN.resolve("private-token-issuer-directory"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(405, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void privateKeysAreStoredOnlySealed() throws Exception {
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT sealed_private_part FROM tacit.rotating_key WHERE purpose = 'token-issuer'")) {
            while (row.next()) {
                byte[] sealed = row.getBytes(1);
                assertEquals(1, sealed[0], "sealed layout version");
                assertNotEquals(0x30, sealed[1] & 0xff, "not a DER PKCS#8 structure in the clear");
            }
        }
    }

    /** The stored token-issuer keys, each with the second it starts signing. */
    private static Map<TokenKeyId, Long> storedKeys() throws Exception {
        Map<TokenKeyId, Long> keys = new HashMap<>();
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT key_id, signs_from FROM tacit.rotating_key WHERE purpose = 'token-issuer'")) {
            while (row.next()) {
                keys.put(TokenKeyId.decode(row.getBytes(1)), row.getTimestamp(2).toInstant().getEpochSecond());
            }
        }
        return keys;
    }
}
