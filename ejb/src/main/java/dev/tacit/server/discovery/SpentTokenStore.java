package dev.tacit.server.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import dev.tacit.crypto.token.Token;

/**
 * The tokens spent once and for all (docs/protocol.md §4.11, §4.24), in PostgreSQL: each token's identity, its key
 * id and nonce, under a unique key, with its kind (a discovery token or a reputation stamp) and nothing else (no
 * account, no time, no address), so a spent token says nothing about who obtained it or when it was spent. Runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class SpentTokenStore {

    /** What a spent token was. */
    public enum Kind {
        DISCOVERY("discovery"),
        STAMP("stamp");

        private final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    private static final Comparator<Token> LOCK_ORDER = Comparator
            .comparing((Token token) -> token.keyId().encode(), Arrays::compareUnsigned)
            .thenComparing(Token::nonce, Arrays::compareUnsigned);

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /**
     * Records every discovery token as spent, or none: if any was spent before (or is being spent by a concurrent
     * transaction that commits), throws {@link TokenAlreadySpentException}, which rolls the caller's transaction
     * back. The tokens must be distinct.
     */
    public void spendAll(List<Token> tokens) {
        if (!spend(Kind.DISCOVERY, tokens).isEmpty()) {
            throw new TokenAlreadySpentException();
        }
    }

    /**
     * Records the tokens as spent, each atomically with the check that it was not recorded before (the unique
     * key), in one statement whose rows are in a fixed order, so concurrent calls sharing tokens wait for each
     * other rather than deadlock. The tokens must be distinct.
     *
     * @return the tokens that were spent before (or by a concurrent transaction that committed first), in the
     *         order given; empty if all were recorded now. The caller rolls back if it must spend all or none.
     */
    public List<Token> spend(Kind kind, List<Token> tokens) {
        List<Token> ordered = tokens.stream().sorted(LOCK_ORDER).toList();
        StringBuilder sql = new StringBuilder("INSERT INTO {h-schema}spent_token (key_id, nonce, kind) VALUES ");
        for (int i = 0; i < ordered.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2)
                    .append(", ?").append(2 * ordered.size() + 1).append(')');
        }
        sql.append(" ON CONFLICT (key_id, nonce) DO NOTHING RETURNING key_id, nonce");
        Query insert = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < ordered.size(); i++) {
            insert.setParameter(2 * i + 1, ordered.get(i).keyId().encode());
            insert.setParameter(2 * i + 2, ordered.get(i).nonce());
        }
        insert.setParameter(2 * ordered.size() + 1, kind.column);
        Set<String> recorded = new HashSet<>();
        for (Object row : insert.getResultList()) {
            Object[] columns = (Object[]) row;
            recorded.add(identity((byte[]) columns[0], (byte[]) columns[1]));
        }
        List<Token> spentBefore = new ArrayList<>();
        for (Token token : tokens) {
            if (!recorded.contains(identity(token.keyId().encode(), token.nonce()))) {
                spentBefore.add(token);
            }
        }
        return spentBefore;
    }

    private static String identity(byte[] keyId, byte[] nonce) {
        return java.util.HexFormat.of().formatHex(keyId) + ":" + java.util.HexFormat.of().formatHex(nonce);
    }
}
