package dev.tacit.server.discovery;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.server.accounts.AccountRows;
import dev.tacit.server.accounts.PublishedKeys;
import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The published keys of the numbers of a look-up, read in one query, against PostgreSQL. */
@ExtendWith(StoreDatabase.class)
class ContactDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void findsTheRegisteredNumbersAmongThoseAskedForWithTheirPublishedKeys(Transactions transactions) throws Exception {
        register(transactions, "+14155550100", 1);
        register(transactions, "+14155550101", 2);
        register(transactions, "+14155550102", 3);
        List<PhoneNumber> asked = List.of(PhoneNumber.of("+14155550101"), PhoneNumber.of("+14155550199"),
                PhoneNumber.of("+14155550100"));

        Map<PhoneNumber, ContactDirectory.PublishedBundle> found = transactions.inTransaction(em -> directory(em).find(asked));

        assertEquals(2, found.size());
        ContactDirectory.PublishedBundle second = found.get(PhoneNumber.of("+14155550101"));
        assertArrayEquals(filled(300, 2), second.certificate());
        assertArrayEquals(filled(102, 3), second.envelopeKey());
        assertArrayEquals(filled(102, 4), second.preKey());
        assertArrayEquals(filled(241, 5), second.groupPublicKey());
        assertArrayEquals(filled(300, 1), found.get(PhoneNumber.of("+14155550100")).certificate());
    }

    @Test
    void aLookUpOfOnlyUnregisteredNumbersFindsNothing(Transactions transactions) throws Exception {
        register(transactions, "+14155550100", 1);

        assertEquals(Map.of(), transactions.inTransaction(em -> directory(em).find(List.of(
                lenient("+4915100000009"), lenient("+14155550109")))));
    }

    private static PhoneNumber lenient(String number) {
        try {
            return PhoneNumber.of(number);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** An account whose keys are filled with n (certificate), n + 1 (envelope key) and so on. */
    private static void register(Transactions transactions, String number, int n) {
        PublishedKeys keys = new PublishedKeys(filled(32, n), filled(300, n), filled(102, n + 1), filled(102, n + 2),
                filled(241, n + 3));
        transactions.run(em -> AccountRows.register(em, number, keys, NOW));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static ContactDirectory directory(EntityManager entityManager) {
        ContactDirectory directory = new ContactDirectory();
        directory.entityManager = entityManager;
        return directory;
    }
}
