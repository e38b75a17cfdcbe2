package dev.tacit.server.discovery;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import dev.tacit.crypto.token.Token;

/**
 * The discovery tokens spent so far (docs/protocol.md §4.11), in PostgreSQL: each token's identity, its key id and
 * nonce, under a unique key, and nothing else (no account, no time, no address), so a spent token says nothing
 * about who obtained it or when it was spent. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SpentTokenStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /**
     * Records every token as spent, or none: if any was spent before (or is being spent by a concurrent
     * transaction that commits), throws {@link TokenAlreadySpentException}, which rolls the caller's transaction
     * back. The tokens must be distinct.
     */
    public void spendAll(List<Token> tokens) {
        StringBuilder sql = new StringBuilder("INSERT INTO {h-schema}spent_token (key_id, nonce) VALUES ");
        for (int i = 0; i < tokens.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
        }
        sql.append(" ON CONFLICT (key_id, nonce) DO NOTHING");
        Query insert = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < tokens.size(); i++) {
            insert.setParameter(2 * i + 1, tokens.get(i).keyId().encode());
            insert.setParameter(2 * i + 2, tokens.get(i).nonce());
        }
        if (insert.executeUpdate() != tokens.size()) {
            throw new TokenAlreadySpentException();
        }
    }

    /**
     * Deletes at most {@code limit} spent tokens whose key no longer verifies at {@code now}: such a token is
     * refused by its key anyway. Runs in the caller's transaction; call it in batches until it deletes fewer
     * than {@code limit}.
     *
     * @return how many were deleted
     */
    public int purgeRetired(Instant now, int limit) {
        return entityManager.createNativeQuery("""
                        DELETE FROM {h-schema}spent_token
                        WHERE (key_id, nonce) IN (SELECT s.key_id, s.nonce
                                                  FROM {h-schema}spent_token s
                                                  JOIN {h-schema}rotating_key k ON k.key_id = s.key_id
                                                  WHERE k.verifies_until <= ?1
                                                  LIMIT ?2)""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
