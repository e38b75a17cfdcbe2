package dev.tacit.crypto.token;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tacit.http.PublicOrigin;
import dev.tacit.protocol.ProtocolDocumentExamples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery windows as docs/protocol.md §2.1.3 aligns them, and the challenge of the document's example. */
class DiscoveryWindowTest {

    private static final Duration DAY = Duration.ofDays(1);

    /** Fixed vectors: instants and the windows that contain them, start in epoch seconds. */
    @ParameterizedTest
    @CsvSource({
            "1970-01-01T00:00:00Z,     86400, 0",
            "2026-11-25T09:41:07Z,     86400, 1795564800",
            "2026-11-25T23:59:59.999Z, 86400, 1795564800",
            "2026-11-26T00:00:00Z,     86400, 1795651200",
            "2026-11-25T09:41:07Z,      3600, 1795597200",
            "2026-11-25T09:41:07Z,    604800, 1795046400"})
    void aWindowStartsAtTheLastMultipleOfItsLength(String instant, long seconds, long start) {
        DiscoveryWindow window = DiscoveryWindow.containing(Instant.parse(instant), Duration.ofSeconds(seconds));

        assertEquals(Instant.ofEpochSecond(start), window.start());
        assertEquals(Instant.ofEpochSecond(start + seconds), window.end());
        assertTrue(window.contains(Instant.parse(instant)));
    }

    @Test
    void theNextWindowStartsAtTheEnd() {
        DiscoveryWindow window = DiscoveryWindow.containing(Instant.parse("2026-11-25T09:41:07Z"), DAY);

        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), window.next().start());
        assertFalse(window.contains(window.end()));
        assertTrue(window.next().contains(window.end()));
    }

    @Test
    void aWindowOffTheGridIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new DiscoveryWindow(Instant.parse("2026-11-25T01:00:00Z"), DAY));
        assertThrows(IllegalArgumentException.class,
                () -> new DiscoveryWindow(Instant.parse("2026-11-25T00:00:00.5Z"), DAY));
        assertThrows(IllegalArgumentException.class,
                () -> DiscoveryWindow.containing(Instant.EPOCH, Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryWindow.containing(Instant.EPOCH, Duration.ZERO));
    }

    @Test
    void theDocumentsDiscoveryChallengeIsWhatTheCodeBuilds() {
        Map<String, String> example = ProtocolDocumentExamples.load().example("discovery-token-challenge");
        PublicOrigin origin = PublicOrigin.parse(example.get("public_origin"));
        Instant now = Instant.parse(example.get("now"));
        Duration length = Duration.ofSeconds(Long.parseLong(example.get("window_seconds")));

        DiscoveryWindow window = DiscoveryWindow.containing(now, length);
        TokenChallenge challenge = window.challenge(origin.authority());

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("public_origin", origin.toString());
        fields.put("issuer_name", origin.authority());
        fields.put("now", now.toString());
        fields.put("window_seconds", Long.toString(length.getSeconds()));
        fields.put("window_start", Long.toString(window.start().getEpochSecond()));
        fields.put("window_start_utc", window.start().toString());
        fields.put("redemption_context", Hex.toHexString(challenge.redemptionContext().encode()));
        fields.put("challenge", Hex.toHexString(challenge.encode()));
        fields.put("challenge_digest", Hex.toHexString(challenge.digest()));
        ProtocolDocumentExamples.load().assertMatches("discovery-token-challenge", fields);
    }
}
