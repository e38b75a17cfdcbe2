package dev.tacit.server.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * At most {@code limit} uses by one subject in one window {@code [windowStart, windowEnd)}: for example the
 * codes texted to one number this hour. The subject is only its keyed hash ({@link Allowances}), so an
 * allowance never carries, stores or prints a phone number.
 *
 * @param subject     HMAC-SHA256 of the allowance's name and the subject, 32 bytes
 * @param windowStart with {@code subject}, names the counter
 * @param windowEnd   when the window ends and its counter may be purged
 * @param limit       how many uses the window allows, at least 1
 */
public record Allowance(byte[] subject, Instant windowStart, Instant windowEnd, int limit) {

    static final int SUBJECT_LENGTH = 32;

    public Allowance {
        if (subject.length != SUBJECT_LENGTH) {
            throw new IllegalArgumentException("a subject is a " + SUBJECT_LENGTH + "-byte keyed hash");
        }
        subject = subject.clone();
        if (!windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("an allowance allows at least one use");
        }
    }

    @Override
    public byte[] subject() {
        return subject.clone();
    }

    /** The time from {@code now} to the window's end, rounded up to whole seconds, at least one: a Retry-After. */
    public Duration remainingAfter(Instant now) {
        long seconds = windowEnd.getEpochSecond() - now.getEpochSecond() + (windowEnd.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Allowance allowance && Arrays.equals(allowance.subject, subject)
                && allowance.windowStart.equals(windowStart) && allowance.windowEnd.equals(windowEnd)
                && allowance.limit == limit;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(subject) * 31 + windowStart.hashCode();
    }

    @Override
    public String toString() {
        return "Allowance[" + HexFormat.of().formatHex(subject, 0, 4) + "…, " + windowStart + "–" + windowEnd
                + ", limit " + limit + "]";
    }
}
