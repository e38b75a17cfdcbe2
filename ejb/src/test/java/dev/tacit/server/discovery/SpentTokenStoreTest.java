package dev.tacit.server.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManager;

import dev.tacit.crypto.token.Token;
import dev.tacit.server.purge.ExpiredRecordPurge;
import dev.tacit.server.purge.ExpiredRecords;
import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The spent-token record against PostgreSQL (docs/protocol.md §4.11): a token is good once under any concurrency,
 * a look-up spends all its tokens or none, and a retired key's records can go.
 */
@ExtendWith(StoreDatabase.class)
class SpentTokenStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void spentTokensAreRecordedByKeyAndNonceOnly(Transactions transactions) {
        transactions.run(em -> store(em).spendAll(List.of(token(1, 1), token(1, 2), token(2, 1))));

        assertEquals(3, transactions.rows("spent_token"));
        assertEquals(List.of("key_id", "nonce", "kind"), transactions.inTransaction(em -> em.createNativeQuery("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'tacit' AND table_name = 'spent_token' ORDER BY ordinal_position""")
                .getResultList()));
    }

    @Test
    void aStampIsSpentOnceAndTheSpentOnesAreNamedInTheirOrder(Transactions transactions) {
        transactions.run(em -> assertEquals(List.of(), store(em).spend(SpentTokenStore.Kind.STAMP,
                List.of(token(4, 1), token(4, 2)))));

        List<Token> spentBefore = transactions.inTransaction(em -> store(em).spend(SpentTokenStore.Kind.STAMP,
                List.of(token(4, 3), token(4, 2), token(4, 1))));

        assertEquals(List.of(token(4, 2), token(4, 1)), spentBefore, "in the order given");
        assertEquals(3, transactions.rows("spent_token"), "the fresh stamp of the second call is recorded: the"
                + " caller rolls back when it must spend all or none");
        assertEquals(List.of("stamp"), transactions.inTransaction(em -> em.createNativeQuery(
                "SELECT DISTINCT kind FROM tacit.spent_token").getResultList()));
    }

    @Test
    void tenConcurrentCallsWithOverlappingStampsInOppositeOrdersRecordEachOnceWithoutADeadlock(
            Transactions transactions) throws Exception {
        AtomicInteger parties = new AtomicInteger();
        List<Integer> recorded = transactions.concurrently(10, em -> {
            int party = parties.getAndIncrement();
            List<Token> stamps = new ArrayList<>(List.of(token(5, party % 5 + 1), token(5, (party + 1) % 5 + 1),
                    token(5, (party + 2) % 5 + 1)));
            if (party % 2 == 1) {
                Collections.reverse(stamps);
            }
            return 3 - store(em).spend(SpentTokenStore.Kind.STAMP, stamps).size();
        });

        assertEquals(5, recorded.stream().mapToInt(Integer::intValue).sum(), "each of the five once: " + recorded);
        assertEquals(5, transactions.rows("spent_token"));
    }

    @Test
    void aLookUpWithOneSpentTokenSpendsNoneOfTheOthers(Transactions transactions) {
        transactions.run(em -> store(em).spendAll(List.of(token(1, 1))));

        assertThrows(TokenAlreadySpentException.class,
                () -> transactions.run(em -> store(em).spendAll(List.of(token(1, 2), token(1, 1), token(1, 3)))));

        assertEquals(1, transactions.rows("spent_token"), "the fresh tokens of the refused look-up were not spent");
        transactions.run(em -> store(em).spendAll(List.of(token(1, 2), token(1, 3)))); // still good
    }

    @Test
    void theSameNonceUnderAnotherKeyIsAnotherToken(Transactions transactions) {
        transactions.run(em -> store(em).spendAll(List.of(token(1, 7))));

        transactions.run(em -> store(em).spendAll(List.of(token(2, 7))));

        assertEquals(2, transactions.rows("spent_token"));
    }

    @Test
    void ofTwentyConcurrentLookUpsWithOneTokenExactlyOneSpendsIt(Transactions transactions) throws Exception {
        List<String> outcomes = transactions.concurrently(20, em -> {
            try {
                store(em).spendAll(List.of(token(3, 3)));
                return "spent";
            } catch (TokenAlreadySpentException e) {
                return "refused";
            }
        });

        assertEquals(1, outcomes.stream().filter("spent"::equals).count(), outcomes.toString());
        assertEquals(19, outcomes.stream().filter("refused"::equals).count(), outcomes.toString());
        assertEquals(1, transactions.rows("spent_token"));
    }

    @Test
    void theRecordsOfARetiredKeyCanBePurgedInBatches(Transactions transactions) {
        insertKey(transactions, 1, NOW.minusSeconds(1)); // no longer verifies
        insertKey(transactions, 2, NOW.plusSeconds(3600));
        transactions.run(em -> store(em).spendAll(IntStream.rangeClosed(1, 5).mapToObj(n -> token(1, n)).toList()));
        transactions.run(em -> store(em).spendAll(List.of(token(2, 1))));

        assertEquals(3, (int) transactions.inTransaction(
                em -> ExpiredRecordPurge.purge(em, ExpiredRecords.SPENT_DISCOVERY_TOKENS, NOW, 3)));
        assertEquals(2, (int) transactions.inTransaction(
                em -> ExpiredRecordPurge.purge(em, ExpiredRecords.SPENT_DISCOVERY_TOKENS, NOW, 3)));
        assertEquals(0, (int) transactions.inTransaction(
                em -> ExpiredRecordPurge.purge(em, ExpiredRecords.SPENT_DISCOVERY_TOKENS, NOW, 3)));

        assertEquals(1, transactions.rows("spent_token"), "the current key's token stays");
    }

    @Test
    void theSchemaRefusesAnythingButThirtyTwoByteIds(Transactions transactions) {
        assertThrows(RuntimeException.class, () -> transactions.run(em -> em.createNativeQuery(
                "INSERT INTO tacit.spent_token (key_id, nonce) VALUES (?1, ?2)")
                .setParameter(1, new byte[31]).setParameter(2, new byte[32]).executeUpdate()));
        assertEquals(0, transactions.rows("spent_token"));
    }

    private static void insertKey(Transactions transactions, int key, Instant verifiesUntil) {
        transactions.run(em -> em.createNativeQuery("""
                        INSERT INTO tacit.rotating_key (key_id, purpose, public_part, sealed_private_part, created_at,
                                                        signs_from, signs_until, verifies_until)
                        VALUES (?1, 'discovery-token-issuer', ?2, ?2, ?3, ?3, ?4, ?4)""")
                .setParameter(1, filled(32, key))
                .setParameter(2, filled(8, key))
                .setParameter(3, verifiesUntil.minusSeconds(86_400))
                .setParameter(4, verifiesUntil)
                .executeUpdate());
    }

    /** A token of key {@code key} with nonce {@code nonce}; the store looks at nothing else. */
    private static Token token(int key, int nonce) {
        byte[] encoded = new byte[Token.LENGTH];
        encoded[1] = 2; // token_type 0x0002
        System.arraycopy(filled(32, nonce), 0, encoded, 2, 32);
        System.arraycopy(filled(32, key), 0, encoded, 66, 32);
        try {
            return Token.decode(encoded);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static SpentTokenStore store(EntityManager entityManager) {
        SpentTokenStore store = new SpentTokenStore();
        store.entityManager = entityManager;
        return store;
    }
}
