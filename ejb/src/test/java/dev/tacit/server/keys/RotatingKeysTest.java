package dev.tacit.server.keys;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Key rotation against PostgreSQL: RotatingKeys with its real store and sealer, the clock moved through a
 * 30-day signing period (90 days of verification) from 2026-11-25 10:00 UTC.
 */
@ExtendWith(StoreDatabase.class)
class RotatingKeysTest {

    private static final RotatingKeys.Lifetime LIFETIME = new RotatingKeys.Lifetime(Duration.ofDays(30), Duration.ofDays(90));
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant FIRST_SIGNS_UNTIL = Instant.parse("2026-12-25T10:00:00Z");
    private static final Instant FIRST_VERIFIES_UNTIL = Instant.parse("2027-02-23T10:00:00Z");
    private static final Instant SECOND_SIGNS_UNTIL = Instant.parse("2027-01-24T10:00:00Z");

    @TempDir
    Path directory;

    private SecretSealer sealer;
    private final AtomicInteger generated = new AtomicInteger();

    @BeforeEach
    void sealerUnderAnOperatorKey() throws Exception {
        sealer = new SecretSealer();
        sealer.keyEncryptionKey = KeyEncryptionKeyTest.operatorKey(directory);
    }

    @Test
    void theFirstRefreshCreatesAKeyThatSignsFromNowStoredSealed(Transactions transactions) {
        RotatingKeys.Rotation rotation = refresh(transactions, START);

        RotatingKeyRecord key = rotation.signing();
        assertEquals(List.of(key), rotation.verifying());
        assertEquals(START, key.signsFrom());
        assertEquals(FIRST_SIGNS_UNTIL, key.signsUntil());
        assertEquals(FIRST_VERIFIES_UNTIL, key.verifiesUntil());
        assertFalse(contains(key.sealedPrivatePart(), privatePart(1)), "the private part is stored sealed");
        assertArrayEquals(privatePart(1), transactions.inTransaction(em -> keys(em, START).openPrivatePart(key)));
        assertEquals(1, transactions.rows("rotating_key"));
    }

    @Test
    void refreshingAgainKeepsTheKey(Transactions transactions) {
        RotatingKeyRecord first = refresh(transactions, START).signing();

        RotatingKeys.Rotation later = refresh(transactions, START.plus(Duration.ofDays(22)));

        assertArrayEquals(first.keyId(), later.signing().keyId());
        assertEquals(1, transactions.rows("rotating_key"));
    }

    @Test
    void aWeekBeforeItsEndTheSuccessorIsStoredToSignFromTheEnd(Transactions transactions) {
        RotatingKeyRecord first = refresh(transactions, START).signing();

        RotatingKeys.Rotation rotation = refresh(transactions, Instant.parse("2026-12-18T10:00:00Z"));

        assertArrayEquals(first.keyId(), rotation.signing().keyId(), "the first key still signs");
        assertEquals(2, rotation.verifying().size());
        RotatingKeyRecord successor = rotation.verifying().get(1);
        assertEquals(FIRST_SIGNS_UNTIL, successor.signsFrom());
        assertEquals(SECOND_SIGNS_UNTIL, successor.signsUntil());
    }

    @Test
    void atTheEndTheSuccessorSignsAndTheFirstStillVerifiesUntilItsOwnEnd(Transactions transactions) {
        RotatingKeyRecord first = refresh(transactions, START).signing();
        RotatingKeyRecord successor = refresh(transactions, Instant.parse("2026-12-20T00:00:00Z")).verifying().get(1);

        RotatingKeys.Rotation atTheEnd = refresh(transactions, FIRST_SIGNS_UNTIL);
        RotatingKeys.Rotation beforeItsVerificationEnds = refresh(transactions, FIRST_VERIFIES_UNTIL.minusSeconds(1));
        RotatingKeys.Rotation afterwards = refresh(transactions, FIRST_VERIFIES_UNTIL);

        assertArrayEquals(successor.keyId(), atTheEnd.signing().keyId());
        assertEquals(List.of(hex(first), hex(successor)), hexes(atTheEnd.verifying()));
        assertEquals(hex(first), hex(beforeItsVerificationEnds.verifying().get(0)));
        assertFalse(hexes(afterwards.verifying()).contains(hex(first)), "no longer accepted");
    }

    @Test
    void afterAnOutageLongerThanThePeriodANewKeySignsAtOnce(Transactions transactions) {
        refresh(transactions, START);
        Instant muchLater = Instant.parse("2027-01-10T00:00:00Z"); // no successor was made in time

        RotatingKeys.Rotation rotation = refresh(transactions, muchLater);

        assertEquals(muchLater, rotation.signing().signsFrom());
        assertEquals(2, rotation.verifying().size(), "the first key still verifies");
    }

    @Test
    void membersRefreshingAtOnceStoreOneKey(Transactions transactions) throws Exception {
        List<String> signing = transactions.concurrently(8, em -> hex(keys(em, START).refresh("test", LIFETIME,
                this::generate).signing()));

        assertEquals(1, signing.stream().distinct().count(), signing.toString());
        assertEquals(1, transactions.rows("rotating_key"));
    }

    @Test
    void aKeySealedForOnePurposeDoesNotOpenAsAnother(Transactions transactions) {
        RotatingKeyRecord key = refresh(transactions, START).signing();
        transactions.run(em -> em.createNativeQuery("UPDATE tacit.rotating_key SET purpose = 'other'").executeUpdate());
        RotatingKeyRecord moved = transactions.inTransaction(em -> store(em).verifyingAt("other", START).get(0));

        assertArrayEquals(key.keyId(), moved.keyId());
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(em -> keys(em, START).openPrivatePart(moved)));
    }

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration GRACE = Duration.ofMinutes(5);

    @Test
    void aWindowRefreshMakesAKeyForEachWindowAskedFor(Transactions transactions) {
        List<RotatingKeyRecord> keys = refreshWindows(transactions, START);

        assertEquals(2, keys.size());
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), keys.get(0).signsFrom());
        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), keys.get(0).signsUntil());
        assertEquals(Instant.parse("2026-11-26T00:05:00Z"), keys.get(0).verifiesUntil(), "its window and the grace");
        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), keys.get(1).signsFrom());
        assertEquals(Instant.parse("2026-11-27T00:00:00Z"), keys.get(1).signsUntil());
        assertEquals(2, transactions.rows("rotating_key"));
    }

    @Test
    void keysOfWindowsThatHaveOneStayAndOnlyTheNewWindowGetsAKey(Transactions transactions) {
        List<RotatingKeyRecord> first = refreshWindows(transactions, START);
        List<RotatingKeyRecord> later = refreshWindows(transactions, Instant.parse("2026-11-25T23:59:59Z"));
        List<RotatingKeyRecord> atTheEnd = refreshWindows(transactions, Instant.parse("2026-11-26T00:00:00Z"));
        List<RotatingKeyRecord> afterTheGrace = refreshWindows(transactions, Instant.parse("2026-11-26T00:05:00Z"));

        assertEquals(hexes(first), hexes(later));
        assertEquals(3, atTheEnd.size(), "the ended window's key verifies through the grace");
        assertEquals(hexes(first), hexes(atTheEnd).subList(0, 2));
        assertEquals(Instant.parse("2026-11-27T00:00:00Z"), atTheEnd.get(2).signsFrom());
        assertEquals(hexes(atTheEnd).subList(1, 3), hexes(afterTheGrace), "then it no longer verifies");
        assertEquals(3, transactions.rows("rotating_key"));
    }

    @Test
    void theGeneratorOfAWindowSeesTheKeysThatStillVerify(Transactions transactions) {
        refreshWindows(transactions, START);
        List<Integer> seen = new java.util.ArrayList<>();

        transactions.run(em -> keys(em, Instant.parse("2026-11-26T00:01:00Z")).refreshWindows("test",
                thisDayAndTheNext(Instant.parse("2026-11-26T00:01:00Z")), GRACE, (window, verifying) -> {
                    seen.add(verifying.size());
                    return generate(window.start());
                }));

        assertEquals(List.of(2), seen, "the ended window's key (in its grace) and the current one's");
    }

    @Test
    void windowsNobodyAskedForGetNoKey(Transactions transactions) {
        refreshWindows(transactions, START);

        List<RotatingKeyRecord> keys = refreshWindows(transactions, Instant.parse("2026-12-03T12:00:00Z"));

        assertEquals(List.of(Instant.parse("2026-12-03T00:00:00Z"), Instant.parse("2026-12-04T00:00:00Z")),
                keys.stream().map(RotatingKeyRecord::signsFrom).toList());
        assertEquals(4, transactions.rows("rotating_key"));
    }

    @Test
    void membersRefreshingWindowsAtOnceStoreEachWindowsKeyOnce(Transactions transactions) throws Exception {
        List<List<String>> seen = transactions.concurrently(8, em -> hexes(keys(em, START).refreshWindows("test",
                thisDayAndTheNext(START), GRACE, (window, verifying) -> generate(window.start()))));

        assertEquals(1, seen.stream().distinct().count(), seen.toString());
        assertEquals(2, transactions.rows("rotating_key"));
    }

    private List<RotatingKeyRecord> refreshWindows(Transactions transactions, Instant now) {
        return transactions.inTransaction(em -> keys(em, now).refreshWindows("test", thisDayAndTheNext(now), GRACE,
                (window, verifying) -> generate(window.start())));
    }

    /** The windows the caller asks for: the day (UTC) of {@code now} and the next. */
    private static List<RotatingKeys.Window> thisDayAndTheNext(Instant now) {
        Instant today = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        return List.of(new RotatingKeys.Window(today, today.plus(DAY)),
                new RotatingKeys.Window(today.plus(DAY), today.plus(DAY).plus(DAY)));
    }

    private RotatingKeys.Rotation refresh(Transactions transactions, Instant now) {
        return transactions.inTransaction(em -> keys(em, now).refresh("test", LIFETIME, this::generate));
    }

    private RotatingKeys keys(EntityManager entityManager, Instant now) {
        RotatingKeys keys = new RotatingKeys();
        keys.store = store(entityManager);
        keys.sealer = sealer;
        keys.clock = Clock.fixed(now, ZoneOffset.UTC);
        return keys;
    }

    private static RotatingKeyStore store(EntityManager entityManager) {
        RotatingKeyStore store = new RotatingKeyStore();
        store.entityManager = entityManager;
        return store;
    }

    /** Keys numbered in the order they are made: id, public and private part all filled with the number. */
    private RotatingKeys.NewKey generate(Instant signsFrom) {
        int number = generated.incrementAndGet();
        return new RotatingKeys.NewKey(filled(32, number), filled(16, number), privatePart(number));
    }

    private static byte[] privatePart(int number) {
        byte[] bytes = filled(48, number);
        bytes[0] = (byte) 0xA5; // a pattern that cannot show up by chance
        return bytes;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static String hex(RotatingKeyRecord key) {
        return HexFormat.of().formatHex(key.keyId());
    }

    private static List<String> hexes(List<RotatingKeyRecord> keys) {
        return keys.stream().map(RotatingKeysTest::hex).toList();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
