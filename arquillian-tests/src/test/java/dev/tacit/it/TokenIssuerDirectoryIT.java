package dev.tacit.it;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.TokenKeyId;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token-issuer keys: generated at first start, stored sealed, published as an RFC 9578 directory. */
@ExtendWith(ArquillianExtension.class)
class TokenIssuerDirectoryIT {

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
        int keys = 0;
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT public_part, sealed_private_part FROM tacit.rotating_key WHERE purpose = 'token-issuer'")) {
            while (row.next()) {
                keys++;
                byte[] publicPart = row.getBytes(1);
                byte[] sealed = row.getBytes(2);
                // A private RSA key in the clear holds its modulus, which the public part shows, and the RSA OID.
                byte[] modulusPiece = Arrays.copyOfRange(publicPart, publicPart.length - 100, publicPart.length - 36);
                assertEquals(1, sealed[0], "sealed layout version");
                assertFalse(contains(sealed, modulusPiece), "no modulus in the clear");
                assertFalse(contains(sealed, RSA_OID_PREFIX), "no RSA algorithm identifier in the clear");
            }
        }
        assertTrue(keys > 0, "a key was stored");
    }

    /** DER of the OID arc 1.2.840.113549.1.1 (PKCS #1), which names RSA keys in PKCS#8. */
    private static final byte[] RSA_OID_PREFIX = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01};

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
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
