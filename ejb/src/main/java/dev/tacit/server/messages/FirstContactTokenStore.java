package dev.tacit.server.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * First-contact tokens once spent (table {@code first_contact_token}, V10) and their states. Every check-and-change
 * is one statement whose WHERE clause states the state it starts from, so concurrent requests on any nodes change
 * a token at most once. Runs in the caller's transaction.
 */
@ApplicationScoped
public class FirstContactTokenStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /**
     * Attaches a token to {@code recipient} under {@code handle}: checking that it was never spent and recording
     * it are one insert under the primary key (key_id, nonce).
     *
     * @return false if the token was spent before (in a committed transaction, or one that commits first)
     */
    public boolean attach(SpentTokenId token, String recipient, TokenHandle handle, Instant keyVerifiesUntil) {
        return entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}first_contact_token (key_id, nonce, state, handle, recipient, key_verifies_until)
                        VALUES (?1, ?2, 'attached', ?3, ?4, ?5)
                        ON CONFLICT (key_id, nonce) DO NOTHING""")
                .setParameter(1, token.keyId())
                .setParameter(2, token.nonce())
                .setParameter(3, handle.bytes())
                .setParameter(4, recipient)
                .setParameter(5, keyVerifiesUntil)
                .executeUpdate() == 1;
    }

    /**
     * Records a token as burned without a recipient (spent on a number without an account).
     *
     * @return false if the token was spent before
     */
    public boolean burnUnattached(SpentTokenId token, Instant keyVerifiesUntil) {
        return entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}first_contact_token (key_id, nonce, state, key_verifies_until)
                        VALUES (?1, ?2, 'burned', ?3)
                        ON CONFLICT (key_id, nonce) DO NOTHING""")
                .setParameter(1, token.keyId())
                .setParameter(2, token.nonce())
                .setParameter(3, keyVerifiesUntil)
                .executeUpdate() == 1;
    }

    /** The token's state; {@link TokenState#UNKNOWN} if it was never spent here. */
    public TokenState state(SpentTokenId token) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT state FROM {h-schema}first_contact_token WHERE key_id = ?1 AND nonce = ?2""")
                .setParameter(1, token.keyId())
                .setParameter(2, token.nonce())
                .getResultList();
        return rows.isEmpty() ? TokenState.UNKNOWN : TokenState.ofWireName((String) rows.get(0));
    }

    /**
     * The token {@code recipient} holds under {@code handle}, attached or releasing, locked until the transaction
     * ends; null if {@code recipient} holds none under it.
     */
    public SpentTokenId lockHeld(String recipient, TokenHandle handle) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT key_id, nonce FROM {h-schema}first_contact_token
                        WHERE handle = ?1 AND recipient = ?2 AND state IN ('attached', 'releasing')
                        FOR UPDATE""")
                .setParameter(1, handle.bytes())
                .setParameter(2, recipient)
                .getResultList();
        return rows.isEmpty() ? null : identity((Object[]) rows.get(0));
    }

    /**
     * Schedules the release of a held token for {@code dueAt}; a token already releasing keeps its earlier time.
     *
     * @return false if the token is not attached or releasing
     */
    public boolean scheduleRelease(SpentTokenId token, Instant dueAt) {
        return entityManager.createNativeQuery("""
                        UPDATE {h-schema}first_contact_token
                        SET state = 'releasing', release_due_at = LEAST(COALESCE(release_due_at, ?3), ?3)
                        WHERE key_id = ?1 AND nonce = ?2 AND state IN ('attached', 'releasing')""")
                .setParameter(1, token.keyId())
                .setParameter(2, token.nonce())
                .setParameter(3, dueAt)
                .executeUpdate() == 1;
    }

    /**
     * Releases tokens, in one statement: each forgets its recipient and handle, and its holder may exchange it once.
     *
     * @return how many were released; a token no longer attached or releasing (released already, say by another
     *         node) is left as it is and not counted
     */
    public int release(List<SpentTokenId> tokens) {
        if (tokens.isEmpty()) {
            return 0;
        }
        StringBuilder identities = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            identities.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2)
                    .append(')');
        }
        Query update = entityManager.createNativeQuery("UPDATE {h-schema}first_contact_token"
                + " SET state = 'released', recipient = NULL, handle = NULL, release_due_at = NULL"
                + " WHERE state IN ('attached', 'releasing') AND (key_id, nonce) IN (VALUES " + identities + ")");
        for (int i = 0; i < tokens.size(); i++) {
            update.setParameter(2 * i + 1, tokens.get(i).keyId());
            update.setParameter(2 * i + 2, tokens.get(i).nonce());
        }
        return update.executeUpdate();
    }

    /**
     * Burns a held token for good: it forgets its recipient and handle.
     *
     * @return false if it was not attached or releasing
     */
    public boolean burn(SpentTokenId token) {
        return entityManager.createNativeQuery("""
                        UPDATE {h-schema}first_contact_token
                        SET state = 'burned', recipient = NULL, handle = NULL, release_due_at = NULL
                        WHERE key_id = ?1 AND nonce = ?2 AND state IN ('attached', 'releasing')""")
                .setParameter(1, token.keyId())
                .setParameter(2, token.nonce())
                .executeUpdate() == 1;
    }

    /**
     * Marks a released token as exchanged.
     *
     * @return false if it is not released (never spent, still attached, exchanged before, burned)
     */
    public boolean markRefreshed(SpentTokenId token) {
        return entityManager.createNativeQuery("""
                        UPDATE {h-schema}first_contact_token SET state = 'refreshed'
                        WHERE key_id = ?1 AND nonce = ?2 AND state = 'released'""")
                .setParameter(1, token.keyId())
                .setParameter(2, token.nonce())
                .executeUpdate() == 1;
    }

    /**
     * Up to {@code limit} releasing tokens due by {@code now}, earliest first, locked until the transaction ends;
     * rows another transaction holds are skipped, so several nodes (or chunk steps) share the work without waiting.
     */
    public List<SpentTokenId> lockDueReleases(Instant now, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT key_id, nonce FROM {h-schema}first_contact_token
                        WHERE state = 'releasing' AND release_due_at <= ?1
                        ORDER BY release_due_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        List<SpentTokenId> due = new ArrayList<>(rows.size());
        for (Object row : rows) {
            due.add(identity((Object[]) row));
        }
        return due;
    }

    /** How many tokens {@code recipient} holds, attached or releasing. */
    public long heldBy(String recipient) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM {h-schema}first_contact_token
                        WHERE recipient = ?1 AND state IN ('attached', 'releasing')""")
                .setParameter(1, recipient)
                .getSingleResult()).longValue();
    }

    /** Counts one spam report on {@code day}, for the operator's statistics only. */
    public void countSpamReport(LocalDate day) {
        entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}spam_report_count (day, reports) VALUES (?1, 1)
                        ON CONFLICT (day) DO UPDATE SET reports = spam_report_count.reports + 1""")
                .setParameter(1, day)
                .executeUpdate();
    }

    /** Spam reports counted on {@code day}. */
    public long spamReports(LocalDate day) {
        List<?> rows = entityManager.createNativeQuery("SELECT reports FROM {h-schema}spam_report_count WHERE day = ?1")
                .setParameter(1, day)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    private static SpentTokenId identity(Object[] columns) {
        return new SpentTokenId((byte[]) columns[0], (byte[]) columns[1]);
    }
}
