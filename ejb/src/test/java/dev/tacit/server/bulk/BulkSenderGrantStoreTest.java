package dev.tacit.server.bulk;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk-sender grants against PostgreSQL (docs/protocol.md §4.27, §6.3): one grant in force per account, a new proof
 * replaces it, concurrent proofs leave one, a revocation keeps its first time and bars the certificate for every
 * account.
 */
@ExtendWith(StoreDatabase.class)
class BulkSenderGrantStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2027-12-01T00:00:00Z");
    private static final String ALICE = "+4915100000001";
    private static final String BOB = "+4915100000002";

    @Test
    void aNewProofReplacesTheGrantInForce(Transactions transactions) {
        accounts(transactions);
        BulkSenderGrant first = transactions.inTransaction(em -> store(em).grant(ALICE, sha(1), "CN=A", "CN=CA",
                NOT_AFTER, NOW));
        BulkSenderGrant second = transactions.inTransaction(em -> store(em).grant(ALICE, sha(2), "CN=B", "CN=CA",
                NOT_AFTER, NOW.plusSeconds(60)));

        assertEquals(1, transactions.rows("bulk_sender_grant"));
        assertEquals(Optional.of(second.id()), transactions.inTransaction(em -> store(em).latest(ALICE))
                .map(BulkSenderGrant::id));
        assertTrue(first.id() < second.id());
        assertEquals(Optional.empty(), transactions.inTransaction(em -> store(em).latest(BOB)));
    }

    @Test
    void ofTenConcurrentProofsOfOneAccountOneGrantStays(Transactions transactions) throws Exception {
        accounts(transactions);
        transactions.concurrently(10, em -> store(em).grant(ALICE, sha(3), "CN=A", "CN=CA", NOT_AFTER, NOW));

        assertEquals(1, transactions.rows("bulk_sender_grant"));
    }

    @Test
    void aRevocationKeepsItsTimeAndBarsTheCertificateForEveryAccount(Transactions transactions) {
        accounts(transactions);
        BulkSenderGrant granted = transactions.inTransaction(em -> store(em).grant(ALICE, sha(4), "CN=A", "CN=CA",
                NOT_AFTER, NOW));
        assertFalse((boolean) transactions.inTransaction(em -> store(em).barred(sha(4))), "in force: not barred");

        BulkSenderGrant revoked = transactions.inTransaction(em -> store(em).revoke(granted.id(), NOW.plusSeconds(10)))
                .orElseThrow();
        BulkSenderGrant again = transactions.inTransaction(em -> store(em).revoke(granted.id(), NOW.plusSeconds(20)))
                .orElseThrow();

        assertEquals(Optional.of(NOW.plusSeconds(10)), revoked.revokedAt());
        assertEquals(revoked.revokedAt(), again.revokedAt(), "a second revocation changes nothing");
        assertTrue((boolean) transactions.inTransaction(em -> store(em).barred(sha(4))));
        assertEquals(Optional.of(NOW.plusSeconds(10)), transactions.inTransaction(em -> store(em).latest(ALICE))
                .flatMap(BulkSenderGrant::revokedAt), "the latest grant is the revoked one");
        assertEquals(Optional.empty(), transactions.inTransaction(em -> store(em).revoke(granted.id() + 1000, NOW)));

        transactions.inTransaction(em -> store(em).grant(ALICE, sha(5), "CN=C", "CN=CA", NOT_AFTER,
                NOW.plusSeconds(30)));
        assertEquals(2, transactions.rows("bulk_sender_grant"), "the revoked row stays, barring its certificate");
        assertTrue((boolean) transactions.inTransaction(em -> store(em).barred(sha(4))));
        assertEquals(List.of("CN=C", "CN=A"), transactions.inTransaction(em -> store(em).list(10)).stream()
                .map(BulkSenderGrant::subject).toList(), "newest first");
    }

    @Test
    void theSchemaHoldsOneGrantInForcePerAccountAndThirtyTwoByteFingerprints(Transactions transactions) {
        accounts(transactions);
        transactions.inTransaction(em -> store(em).grant(ALICE, sha(6), "CN=A", "CN=CA", NOT_AFTER, NOW));
        assertThrows(RuntimeException.class, () -> transactions.run(em -> insert(em, ALICE, sha(7))));
        assertThrows(RuntimeException.class, () -> transactions.run(em -> insert(em, BOB, new byte[31])));
        assertEquals(1, transactions.rows("bulk_sender_grant"));
    }

    private static void insert(EntityManager em, String account, byte[] fingerprint) {
        em.createNativeQuery("""
                        INSERT INTO tacit.bulk_sender_grant (account, certificate_sha256, subject, issuer, not_after,
                                                             granted_at)
                        VALUES (?1, ?2, 'CN=X', 'CN=CA', ?3, ?4)""")
                .setParameter(1, account).setParameter(2, fingerprint).setParameter(3, NOT_AFTER)
                .setParameter(4, NOW).executeUpdate();
    }

    private static void accounts(Transactions transactions) {
        for (String number : List.of(ALICE, BOB)) {
            transactions.run(em -> em.createNativeQuery("""
                            INSERT INTO tacit.account (number, identity_key, certificate, envelope_key, pre_key,
                                                       group_public_key, tokens_issued, registered_at, updated_at,
                                                       last_active_at)
                            VALUES (?1, ?2, '\\x00', '\\x00', '\\x00', '\\x00', 5, ?3, ?3, ?3)""")
                    .setParameter(1, number).setParameter(2, sha(9)).setParameter(3, NOW.minusSeconds(86_400))
                    .executeUpdate());
        }
    }

    private static byte[] sha(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    private static BulkSenderGrantStore store(EntityManager entityManager) {
        BulkSenderGrantStore store = new BulkSenderGrantStore();
        store.entityManager = entityManager;
        return store;
    }
}
