package dev.tacit.server.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When rotating keys get successors, and which key signs when (RotatingKeys' schedule, without storage).
 * Every instant is written out: keys sign for 180 days here, and the successor lead time is a week.
 */
class RotationScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void withoutKeysTheFirstStartsSigningAtOnce() {
        assertEquals(Optional.of(NOW), RotatingKeys.successorStart(List.of(), NOW));
    }

    @Test
    void aKeyWithMoreThanAWeekOfSigningLeftNeedsNoSuccessor() {
        RotatingKeyRecord current = key(1, "2026-11-15T10:00:00Z", "2027-05-14T10:00:00Z", "2028-11-14T10:00:00Z");

        assertEquals(Optional.empty(), RotatingKeys.successorStart(List.of(current), NOW));
        assertEquals(Optional.empty(), RotatingKeys.successorStart(List.of(current), Instant.parse("2027-05-07T09:59:59Z")),
                "a week and a second before the end");
    }

    @Test
    void aKeyWithinAWeekOfItsEndGetsASuccessorThatStartsWhenItStops() {
        RotatingKeyRecord current = key(1, "2026-06-01T00:00:00Z", "2026-11-28T00:00:00Z", "2028-05-31T00:00:00Z");

        assertEquals(Optional.of(Instant.parse("2026-11-28T00:00:00Z")),
                RotatingKeys.successorStart(List.of(current), NOW));
    }

    @Test
    void whenNoKeySignsAnyMoreTheSuccessorStartsNow() {
        RotatingKeyRecord retired = key(1, "2026-04-01T00:00:00Z", "2026-09-28T00:00:00Z", "2028-03-31T00:00:00Z");

        assertEquals(Optional.of(NOW), RotatingKeys.successorStart(List.of(retired), NOW));
        assertEquals(Optional.empty(), RotatingKeys.signingAt(List.of(retired), NOW));
    }

    @Test
    void theCurrentKeySignsUntilItsEndAndItsSuccessorFromThen() {
        RotatingKeyRecord current = key(1, "2026-06-01T00:00:00Z", "2026-11-28T00:00:00Z", "2028-05-31T00:00:00Z");
        RotatingKeyRecord successor = key(2, "2026-11-28T00:00:00Z", "2027-05-27T00:00:00Z", "2028-11-27T00:00:00Z");
        List<RotatingKeyRecord> keys = List.of(current, successor);

        assertEquals(Optional.of(current), RotatingKeys.signingAt(keys, NOW));
        assertEquals(Optional.of(current), RotatingKeys.signingAt(keys, Instant.parse("2026-11-27T23:59:59Z")));
        assertEquals(Optional.of(successor), RotatingKeys.signingAt(keys, Instant.parse("2026-11-28T00:00:00Z")));
        assertEquals(Optional.empty(), RotatingKeys.successorStart(keys, NOW), "the successor already exists");
        assertEquals(Optional.of(Instant.parse("2027-05-27T00:00:00Z")),
                RotatingKeys.successorStart(keys, Instant.parse("2027-05-21T00:00:00Z")), "and gets its own in time");
    }

    @Test
    void ofKeysSigningAtOnceTheNewestSigns() {
        RotatingKeyRecord older = key(1, "2026-06-01T00:00:00Z", "2026-11-28T00:00:00Z", "2028-05-31T00:00:00Z");
        RotatingKeyRecord newer = key(2, "2026-11-20T00:00:00Z", "2027-05-19T00:00:00Z", "2028-11-19T00:00:00Z");

        assertEquals(Optional.of(newer), RotatingKeys.signingAt(List.of(older, newer), NOW));
    }

    @Test
    void aKeyThatSignsOnlyAfterAGapDoesNotCoverTheGap() {
        // Created while the clock was ahead: signs from 2027-06-01, while the current key stops on 2026-11-28.
        RotatingKeyRecord current = key(1, "2026-06-01T00:00:00Z", "2026-11-28T00:00:00Z", "2028-06-01T00:00:00Z");
        RotatingKeyRecord later = key(2, "2027-06-01T00:00:00Z", "2027-12-01T00:00:00Z", "2029-06-01T00:00:00Z");

        assertEquals(Optional.of(Instant.parse("2026-11-28T00:00:00Z")),
                RotatingKeys.successorStart(List.of(current, later), NOW), "a successor for the gap");
        assertEquals(Optional.of(Instant.parse("2026-12-01T00:00:00Z")),
                RotatingKeys.successorStart(List.of(later), Instant.parse("2026-12-01T00:00:00Z")),
                "no key signs now: one starts at once");
    }

    private static RotatingKeyRecord key(int id, String signsFrom, String signsUntil, String verifiesUntil) {
        byte[] keyId = new byte[32];
        keyId[0] = (byte) id;
        return new RotatingKeyRecord("test", keyId, new byte[] {1}, new byte[] {2}, Instant.parse(signsFrom),
                Instant.parse(signsFrom), Instant.parse(signsUntil), Instant.parse(verifiesUntil));
    }
}
