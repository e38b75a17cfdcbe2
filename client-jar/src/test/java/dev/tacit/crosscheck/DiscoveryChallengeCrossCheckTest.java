package dev.tacit.crosscheck;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crosscheck.Octets.ascii;
import static dev.tacit.crosscheck.Octets.concat;
import static dev.tacit.crosscheck.Octets.hex;
import static dev.tacit.crosscheck.Octets.i2osp;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/protocol.md §2.1.3's discovery challenge recomputed from the document alone, on the JDK (java.net.URI, SUN's
 * SHA-256): the issuer name from the public origin, the window from the instant and the length, the redemption
 * context, the challenge byte by byte (RFC 9577 §2.1.1) and its digest.
 */
class DiscoveryChallengeCrossCheckTest {

    @Test
    void theDiscoveryChallengeFollowsFromTheDocument() throws GeneralSecurityException {
        Map<String, String> example = ProtocolDocumentExamples.load().example("discovery-token-challenge");

        URI origin = URI.create(example.get("public_origin"));
        int defaultPort = "https".equals(origin.getScheme()) ? 443 : 80;
        String issuerName = origin.getHost().toLowerCase(Locale.ROOT)
                + (origin.getPort() == -1 || origin.getPort() == defaultPort ? "" : ":" + origin.getPort());
        long length = Long.parseLong(example.get("window_seconds"));
        long now = Instant.parse(example.get("now")).getEpochSecond();
        long start = Math.floorDiv(now, length) * length;
        byte[] context = sha256(concat(ascii("tacit token redemption window v1"), i2osp(start, 8), i2osp(length, 8)));
        byte[] issuer = ascii(issuerName);
        byte[] originInfo = ascii("discovery");
        byte[] challenge = concat(i2osp(2, 2), i2osp(issuer.length, 2), issuer, i2osp(context.length, 1), context,
                i2osp(originInfo.length, 2), originInfo);

        assertEquals(example.get("issuer_name"), issuerName);
        assertEquals(example.get("window_start"), Long.toString(start));
        assertEquals(Instant.parse(example.get("window_start_utc")).getEpochSecond(), start);
        assertEquals(example.get("redemption_context"), hex(context));
        assertEquals(example.get("challenge"), hex(challenge));
        assertEquals(example.get("challenge_digest"), hex(sha256(challenge)));
    }

    private static byte[] sha256(byte[] input) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256", "SUN").digest(input);
    }
}
