package dev.tacit.server.auth;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A wrong {@code tacit.public-origin} stops the server with a message, rather than failing every signature. */
class PublicOriginTest {

    @Test
    void anOriginIsASchemeAHostAndAnOptionalPort() {
        assertEquals("https://tacit.example", PublicOrigin.parse("https://tacit.example"));
        assertEquals("https://tacit.example", PublicOrigin.parse("HTTPS://tacit.example/"));
        assertEquals("http://localhost:8080", PublicOrigin.parse(" http://localhost:8080 "));
    }

    @Test
    void anythingElseIsRefusedWithAMessageSayingWhatToSet() {
        for (String wrong : new String[] {"tacit.example", "localhost:8080", "ftp://tacit.example",
                "https://tacit.example/api", "https://tacit.example?x=1", "https://user@tacit.example",
                "https://tacit.example#top", "http://tacit example", "https://"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PublicOrigin.parse(wrong),
                    wrong);
            assertTrue(refused.getMessage().contains("tacit.public-origin") && refused.getMessage().contains("https://"),
                    refused.getMessage());
        }
    }

    @Test
    void theTargetUriIsTheOriginWithThePathAndQueryAsReceived() {
        PublicOrigin origin = new PublicOrigin();
        origin.configured = "https://tacit.example";
        origin.check();

        assertEquals(URI.create("https://tacit.example/v1/account?x=%2F"), origin.targetUri("/v1/account", "x=%2F"));
        assertEquals(URI.create("https://tacit.example/v1/account"), origin.targetUri("/v1/account", null));
        assertThrows(IllegalArgumentException.class, () -> origin.targetUri("/v1/%zz", null));
    }
}
