package dev.tacit.server.discovery;

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
}
