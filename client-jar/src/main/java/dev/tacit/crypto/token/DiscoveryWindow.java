package dev.tacit.crypto.token;

import java.time.Duration;
import java.time.Instant;

/**
 * A discovery window (docs/protocol.md §2.1.3): {@code [start, start + length)} in whole seconds, where
 * {@code start} is a multiple of {@code length} counted from the Unix epoch, so client and server derive the same
 * windows from the published length alone. Discovery tokens are bound to one window by their challenge, and
 * the server signs each window's tokens with a key of that window only.
 *
 * @param start  the first second of the window
 * @param length the window length, from {@code GET /v1/server} ({@code discoveryWindowSeconds})
 */
public record DiscoveryWindow(Instant start, Duration length) {

    public DiscoveryWindow {
        if (length.isNegative() || length.isZero() || length.getNano() != 0) {
            throw new IllegalArgumentException("a window lasts a positive whole number of seconds");
        }
        if (start.getNano() != 0 || start.getEpochSecond() < 0 || start.getEpochSecond() % length.getSeconds() != 0) {
            throw new IllegalArgumentException("a window starts at a non-negative multiple of its length since the epoch");
        }
    }

    /** The window of {@code length} that contains {@code instant}: it starts at floor(t / length) · length. */
    public static DiscoveryWindow containing(Instant instant, Duration length) {
        long seconds = length.getSeconds();
        if (seconds <= 0 || length.getNano() != 0) {
            throw new IllegalArgumentException("a window lasts a positive whole number of seconds");
        }
        return new DiscoveryWindow(Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds),
                length);
    }

    /** The window right after this one. */
    public DiscoveryWindow next() {
        return new DiscoveryWindow(end(), length);
    }

    /** The first second after the window. */
    public Instant end() {
        return start.plus(length);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end());
    }

    /**
     * The TokenChallenge of this window's discovery tokens from the issuer {@code issuerName}: origin_info
     * {@code discovery}, redemption_context {@link RedemptionContext#forTimeWindow} of this window.
     */
    public TokenChallenge challenge(String issuerName) {
        return TokenChallenge.forPurpose(issuerName, TokenPurpose.DISCOVERY, RedemptionContext.forTimeWindow(start, length));
    }
}
