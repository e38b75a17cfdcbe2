package dev.tacit.server.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When rotating keys get successors, and which key signs when (RotatingKeys' schedule, without storage). */
class RotationScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration SIGNING = Duration.ofDays(180);
    private static final Duration VERIFYING = Duration.ofDays(730);

    @Test
    void withoutKeysTheFirstStartsSigningAtOnce() {
        assertEquals(Optional.of(NOW), RotatingKeys.successorStart(List.of(), NOW));
    }

    @Test
    void aKeyWithMoreThanAWeekOfSigningLeftNeedsNoSuccessor() {
        RotatingKeyRecord current = key(1, NOW.minus(Duration.ofDays(10)));

        assertEquals(Optional.empty(), RotatingKeys.successorStart(List.of(current), NOW));
    }

    @Test
    void aKeyWithinAWeekOfItsEndGetsASuccessorThatStartsWhenItStops() {
        RotatingKeyRecord current = key(1, NOW.minus(SIGNING).plus(Duration.ofDays(6)));

        assertEquals(Optional.of(current.signsUntil()), RotatingKeys.successorStart(List.of(current), NOW));
    }

    @Test
    void whenNoKeySignsAnyMoreTheSuccessorStartsNowAndTheOldOneStillVerifies() {
        RotatingKeyRecord retired = key(1, NOW.minus(SIGNING).minus(Duration.ofDays(30)));

        assertEquals(Optional.of(NOW), RotatingKeys.successorStart(List.of(retired), NOW));
        assertEquals(Optional.empty(), RotatingKeys.signingAt(List.of(retired), NOW));
        assertEquals(true, retired.verifiesUntil().isAfter(NOW));
    }

    @Test
    void theCurrentKeySignsUntilItsEndAndItsSuccessorFromThen() {
        RotatingKeyRecord current = key(1, NOW.minus(SIGNING).plus(Duration.ofDays(6)));
        RotatingKeyRecord successor = key(2, current.signsUntil());
        List<RotatingKeyRecord> keys = List.of(current, successor);

        assertEquals(Optional.of(current), RotatingKeys.signingAt(keys, NOW));
        assertEquals(Optional.of(current), RotatingKeys.signingAt(keys, current.signsUntil().minusSeconds(1)));
        assertEquals(Optional.of(successor), RotatingKeys.signingAt(keys, current.signsUntil()));
        assertEquals(Optional.empty(), RotatingKeys.successorStart(keys, NOW), "the successor already exists");
    }

    @Test
    void aKeyThatSignsOnlyAfterAGapDoesNotCoverTheGap() {
        // Created while the clock was ahead: signs from 2027-06-01, while the current key stops on 2026-11-28.
        RotatingKeyRecord current = new RotatingKeyRecord("test", id(1), new byte[] {1}, new byte[] {2},
                Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2028-06-01T00:00:00Z"));
        RotatingKeyRecord later = new RotatingKeyRecord("test", id(2), new byte[] {1}, new byte[] {2},
                Instant.parse("2027-06-01T00:00:00Z"), Instant.parse("2027-06-01T00:00:00Z"),
                Instant.parse("2027-12-01T00:00:00Z"), Instant.parse("2029-06-01T00:00:00Z"));

        assertEquals(Optional.of(Instant.parse("2026-11-28T00:00:00Z")),
                RotatingKeys.successorStart(List.of(current, later), NOW), "a successor for the gap");
        assertEquals(Optional.of(Instant.parse("2026-12-01T00:00:00Z")),
                RotatingKeys.successorStart(List.of(later), Instant.parse("2026-12-01T00:00:00Z")),
                "no key signs now: one starts at once");
    }

    private static byte[] id(int id) {
        byte[] keyId = new byte[32];
        keyId[0] = (byte) id;
        return keyId;
    }

    private static RotatingKeyRecord key(int id, Instant signsFrom) {
        byte[] keyId = new byte[32];
        keyId[0] = (byte) id;
        return new RotatingKeyRecord("test", keyId, new byte[] {1}, new byte[] {2}, signsFrom,
                signsFrom, signsFrom.plus(SIGNING), signsFrom.plus(VERIFYING));
    }
}
