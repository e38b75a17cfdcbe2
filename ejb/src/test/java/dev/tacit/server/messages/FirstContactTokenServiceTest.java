package dev.tacit.server.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.persistence.EntityManager;

import dev.tacit.server.settings.TestSettings;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Release and spam reports (docs/protocol.md §4.15, §4.16) on a real PostgreSQL: a release "later" is stored for a
 * random time in the configured window, and executed by the same state change as a release "now" once the clock
 * reaches it; only the recipient releases or reports.
 */
@ExtendWith(StoreDatabase.class)
class FirstContactTokenServiceTest {

    private static final String BOB = "+14155550401";
    private static final String CAROL = "+14155550402";
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant KEY_UNTIL = Instant.parse("2028-01-01T00:00:00Z");

    @BeforeEach
    void accountsAndTokens(Transactions transactions) {
        transactions.run(em -> {
            account(em, BOB);
            account(em, CAROL);
            for (int i = 1; i <= 3; i++) {
                tokens(em).attach(token(i), BOB, handle(i), KEY_UNTIL);
            }
        });
    }

    @Test
    void aLaterReleaseFallsInTheWindowAndIsExecutedOnceDue(Transactions transactions) {
        Instant due = transactions.inTransaction(
                em -> service(em, NOW).release(BOB, handle(1), FirstContactTokenService.ReleaseTime.LATER));

        assertFalse(due.isBefore(NOW.plus(Duration.ofHours(1))), due.toString());
        assertFalse(due.isAfter(NOW.plus(Duration.ofHours(24))), due.toString());
        assertEquals(TokenState.RELEASING, state(transactions, 1));
        assertEquals(0, (int) transactions.inTransaction(em -> executeDue(em, due.minusSeconds(1))));
        assertEquals(TokenState.RELEASING, state(transactions, 1));

        assertEquals(1, (int) transactions.inTransaction(em -> executeDue(em, due)));

        assertEquals(TokenState.RELEASED, state(transactions, 1));
        assertEquals(TokenState.ATTACHED, state(transactions, 2), "only the due one");
    }

    @Test
    void aReleaseNowTakesEffectAtOnce(Transactions transactions) {
        Instant at = transactions.inTransaction(
                em -> service(em, NOW).release(BOB, handle(2), FirstContactTokenService.ReleaseTime.NOW));

        assertEquals(NOW, at);
        assertEquals(TokenState.RELEASED, state(transactions, 2));
    }

    @Test
    void onlyTheRecipientReleasesOrReportsAndNothingChangesOtherwise(Transactions transactions) {
        assertThrows(UnknownTokenHandleException.class, () -> transactions.run(
                em -> service(em, NOW).release(CAROL, handle(1), FirstContactTokenService.ReleaseTime.NOW)));
        assertThrows(UnknownTokenHandleException.class,
                () -> transactions.run(em -> service(em, NOW).reportSpam(CAROL, handle(1))));
        assertThrows(UnknownTokenHandleException.class,
                () -> transactions.run(em -> service(em, NOW).reportSpam(BOB, handle(9))));

        assertEquals(TokenState.ATTACHED, state(transactions, 1));
        assertEquals(0, (long) transactions.inTransaction(em -> tokens(em).spamReports(LocalDate.of(2026, 12, 1))));
    }

    @Test
    void aSpamReportBurnsTheTokenAndCountsTheDayOnly(Transactions transactions) {
        transactions.run(em -> service(em, NOW).reportSpam(BOB, handle(3)));

        assertEquals(TokenState.BURNED, state(transactions, 3));
        assertEquals(1, (long) transactions.inTransaction(em -> tokens(em).spamReports(LocalDate.of(2026, 12, 1))));
        assertThrows(UnknownTokenHandleException.class,
                () -> transactions.run(em -> service(em, NOW).release(BOB, handle(3),
                        FirstContactTokenService.ReleaseTime.NOW)), "a burned token is released never");
        assertTrue(transactions.inTransaction(em -> tokens(em).heldBy(BOB)) == 2);
    }

    private static TokenState state(Transactions transactions, int token) {
        return transactions.inTransaction(em -> tokens(em).state(token(token)));
    }

    /** What one chunk of the job process-delayed-releases does: lock the due releases, execute each. */
    private static int executeDue(EntityManager em, Instant dueBy) {
        FirstContactTokenService service = service(em, dueBy);
        int executed = 0;
        for (SpentTokenId token : service.lockDueReleases(dueBy, 10)) {
            if (service.executeRelease(token)) {
                executed++;
            }
        }
        return executed;
    }

    private static FirstContactTokenService service(EntityManager em, Instant now) {
        FirstContactTokenService service = new FirstContactTokenService();
        service.tokens = tokens(em);
        service.settings = TestSettings.defaults();
        service.clock = Clock.fixed(now, ZoneOffset.UTC);
        return service;
    }
}
