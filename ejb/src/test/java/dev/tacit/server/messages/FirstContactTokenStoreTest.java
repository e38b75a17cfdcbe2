package dev.tacit.server.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.tacit.server.purge.ExpiredRecordPurge;
import dev.tacit.server.purge.ExpiredRecords;
import dev.tacit.server.storetests.StoreDatabase;
import dev.tacit.server.storetests.Transactions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.tacit.server.messages.MessagingRows.account;
import static dev.tacit.server.messages.MessagingRows.handle;
import static dev.tacit.server.messages.MessagingRows.token;
import static dev.tacit.server.messages.MessagingRows.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first-contact token store against a real PostgreSQL with the real schema (V10__messaging.sql): a token is
 * spent once whatever the concurrency, and moves through its states (docs/protocol.md §4.16) only along the
 * machine's edges.
 */
@ExtendWith(StoreDatabase.class)
class FirstContactTokenStoreTest {

    private static final String BOB = "+14155550201";
    private static final String CAROL = "+14155550202";
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant KEY_UNTIL = Instant.parse("2028-01-01T00:00:00Z");

    @BeforeEach
    void accounts(Transactions transactions) {
        transactions.run(em -> {
            account(em, BOB);
            account(em, CAROL);
        });
    }

    /** 100 concurrent sends of one token, each its own transaction and connection: PostgreSQL admits one. */
    @Test
    void ofAHundredConcurrentAttachesOfOneTokenExactlyOneSucceeds(Transactions transactions) throws Exception {
        List<Boolean> attached = transactions.concurrently(100, em -> tokens(em).attach(token(1), BOB,
                TokenHandle.random(new java.security.SecureRandom()), KEY_UNTIL));

        assertEquals(1, attached.stream().filter(Boolean::booleanValue).count());
        assertEquals(1, transactions.rows("first_contact_token"));
    }

    @Test
    void aSpentTokenCannotBeAttachedAgainInAnyState(Transactions transactions) {
        transactions.run(em -> assertTrue(tokens(em).attach(token(1), BOB, handle(1), KEY_UNTIL)));
        for (String state : List.of("attached", "releasing", "released", "refreshed", "burned")) {
            transactions.run(em -> em.createNativeQuery("UPDATE tacit.first_contact_token SET state = ?1,"
                            + " release_due_at = CASE WHEN ?1 = 'releasing' THEN now() END,"
                            + " recipient = CASE WHEN ?1 IN ('attached', 'releasing') THEN recipient END,"
                            + " handle = CASE WHEN ?1 IN ('attached', 'releasing') THEN handle END")
                    .setParameter(1, state).executeUpdate());
            transactions.run(em -> assertFalse(tokens(em).attach(token(1), CAROL, handle(2), KEY_UNTIL), state));
            transactions.run(em -> assertFalse(tokens(em).burnUnattached(token(1), KEY_UNTIL), state));
        }
    }

    @Test
    void onlyItsRecipientHoldsATokenByItsHandle(Transactions transactions) {
        transactions.run(em -> tokens(em).attach(token(1), BOB, handle(1), KEY_UNTIL));

        transactions.run(em -> {
            assertNull(tokens(em).lockHeld(CAROL, handle(1)), "another account");
            assertNull(tokens(em).lockHeld(BOB, handle(2)), "another handle");
            assertEquals(token(1), tokens(em).lockHeld(BOB, handle(1)));
            assertEquals(1, tokens(em).heldBy(BOB));
            assertEquals(0, tokens(em).heldBy(CAROL));
        });
    }

    @Test
    void aReleaseForgetsRecipientAndHandleAndAllowsOneRefresh(Transactions transactions) {
        transactions.run(em -> tokens(em).attach(token(1), BOB, handle(1), KEY_UNTIL));

        transactions.run(em -> assertEquals(1, tokens(em).release(List.of(token(1)))));

        transactions.run(em -> {
            Object[] row = (Object[]) em.createNativeQuery(
                    "SELECT state, recipient, handle, release_due_at FROM tacit.first_contact_token").getSingleResult();
            assertEquals("released", row[0]);
            assertNull(row[1], "the recipient is forgotten");
            assertNull(row[2], "the handle is forgotten");
            assertNull(row[3]);
            assertEquals(TokenState.RELEASED, tokens(em).state(token(1)));
            assertNull(tokens(em).lockHeld(BOB, handle(1)));
            assertEquals(0, tokens(em).release(List.of(token(1))), "released once");
            assertFalse(tokens(em).burn(token(1)), "a released token is no longer the recipient's to report");
        });
        transactions.run(em -> assertTrue(tokens(em).markRefreshed(token(1))));
        transactions.run(em -> {
            assertFalse(tokens(em).markRefreshed(token(1)), "exchanged once");
            assertEquals(TokenState.REFRESHED, tokens(em).state(token(1)));
        });
    }

    @Test
    void anAttachedTokenCannotBeRefreshed(Transactions transactions) {
        transactions.run(em -> tokens(em).attach(token(1), BOB, handle(1), KEY_UNTIL));

        transactions.run(em -> {
            assertFalse(tokens(em).markRefreshed(token(1)));
            assertFalse(tokens(em).markRefreshed(token(2)), "never spent");
            assertEquals(TokenState.ATTACHED, tokens(em).state(token(1)));
            assertEquals(TokenState.UNKNOWN, tokens(em).state(token(2)));
        });
    }

    @Test
    void aScheduledReleaseIsDueAtItsTimeAndKeepsTheEarlierTime(Transactions transactions) {
        transactions.run(em -> {
            tokens(em).attach(token(1), BOB, handle(1), KEY_UNTIL);
            tokens(em).attach(token(2), BOB, handle(2), KEY_UNTIL);
            assertTrue(tokens(em).scheduleRelease(token(1), NOW.plusSeconds(3600)));
            assertTrue(tokens(em).scheduleRelease(token(1), NOW.plusSeconds(7200)));
            assertTrue(tokens(em).scheduleRelease(token(2), NOW.plusSeconds(7200)));
            assertTrue(tokens(em).scheduleRelease(token(2), NOW.plusSeconds(1800)));
            assertEquals(TokenState.RELEASING, tokens(em).state(token(1)));
        });

        transactions.run(em -> {
            assertEquals(List.of(), tokens(em).lockDueReleases(NOW.plusSeconds(1799), 10));
            assertEquals(List.of(token(2)), tokens(em).lockDueReleases(NOW.plusSeconds(1800), 10));
            assertEquals(List.of(token(2), token(1)), tokens(em).lockDueReleases(NOW.plusSeconds(3600), 10));
        });
    }

    /** Two nodes (or chunk steps) taking due releases at once take disjoint rows and do not wait for each other. */
    @Test
    void dueReleasesLockedByOneTransactionAreSkippedByAnother(Transactions transactions) {
        transactions.run(em -> {
            for (int i = 1; i <= 4; i++) {
                tokens(em).attach(token(i), BOB, handle(i), KEY_UNTIL);
                tokens(em).scheduleRelease(token(i), NOW.plusSeconds(i));
            }
        });

        transactions.run(first -> {
            List<SpentTokenId> firstBatch = tokens(first).lockDueReleases(NOW.plusSeconds(10), 2);
            List<SpentTokenId> secondBatch = transactions.inTransaction(
                    second -> tokens(second).lockDueReleases(NOW.plusSeconds(10), 10));
            assertEquals(List.of(token(1), token(2)), firstBatch);
            assertEquals(List.of(token(3), token(4)), secondBatch);
        });
    }

    /** A chunk of the release job: one statement releases the tokens still held and leaves the others alone. */
    @Test
    void severalTokensAreReleasedInOneStatementAndOnlyThoseStillHeld(Transactions transactions) {
        transactions.run(em -> {
            for (int i = 1; i <= 4; i++) {
                tokens(em).attach(token(i), BOB, handle(i), KEY_UNTIL);
            }
            tokens(em).scheduleRelease(token(2), NOW);
            assertTrue(tokens(em).burn(token(3)));
        });

        assertEquals(2, (int) transactions.inTransaction(
                em -> tokens(em).release(List.of(token(1), token(2), token(3)))));

        transactions.run(em -> {
            assertEquals(TokenState.RELEASED, tokens(em).state(token(1)));
            assertEquals(TokenState.RELEASED, tokens(em).state(token(2)));
            assertEquals(TokenState.BURNED, tokens(em).state(token(3)));
            assertEquals(TokenState.ATTACHED, tokens(em).state(token(4)), "not in the list");
            assertEquals(1, tokens(em).heldBy(BOB));
            assertEquals(0, tokens(em).release(List.of()));
        });
    }

    @Test
    void aBurnedTokenForgetsItsRecipientAndTheReportIsCountedWithoutIt(Transactions transactions) {
        transactions.run(em -> tokens(em).attach(token(1), BOB, handle(1), KEY_UNTIL));

        transactions.run(em -> {
            assertTrue(tokens(em).burn(token(1)));
            tokens(em).countSpamReport(LocalDate.of(2026, 12, 1));
            tokens(em).countSpamReport(LocalDate.of(2026, 12, 1));
        });

        transactions.run(em -> {
            assertEquals(TokenState.BURNED, tokens(em).state(token(1)));
            assertEquals(0, tokens(em).heldBy(BOB));
            assertEquals(0, tokens(em).release(List.of(token(1))));
            assertFalse(tokens(em).markRefreshed(token(1)));
            assertEquals(2, tokens(em).spamReports(LocalDate.of(2026, 12, 1)));
            assertEquals(0, tokens(em).spamReports(LocalDate.of(2026, 12, 2)));
        });
    }

    @Test
    void tokensGoOnceTheirKeyStopsVerifying(Transactions transactions) {
        transactions.run(em -> {
            tokens(em).attach(token(1), BOB, handle(1), NOW.minusSeconds(1));
            tokens(em).burnUnattached(token(2), NOW.minusSeconds(1));
            tokens(em).attach(token(3), BOB, handle(3), NOW.plusSeconds(1));
        });

        assertEquals(2, (int) transactions.inTransaction(
                em -> ExpiredRecordPurge.purge(em, ExpiredRecords.FIRST_CONTACT_TOKENS, NOW, 10)));

        transactions.run(em -> {
            assertEquals(TokenState.UNKNOWN, tokens(em).state(token(1)));
            assertEquals(TokenState.ATTACHED, tokens(em).state(token(3)));
        });
    }
}
