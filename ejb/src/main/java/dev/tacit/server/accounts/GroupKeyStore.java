package dev.tacit.server.accounts;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Storage of the chain of each account's group public keys (table {@code group_key}, docs/protocol.md §4.29): epoch
 * by epoch, the key and the update that led to it. Runs in the caller's transaction; writers hold the account's row
 * locked, so the chain of one account changes one transaction at a time.
 */
@ApplicationScoped
public class GroupKeyStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /** The epoch of the account's current group key: the chain's last; empty if the account has no chain. */
    public Optional<Integer> currentEpoch(String account) {
        Object max = entityManager.createNativeQuery("SELECT max(epoch) FROM {h-schema}group_key WHERE account = ?1")
                .setParameter(1, account)
                .getSingleResult();
        return Optional.ofNullable(max).map(value -> ((Number) value).intValue());
    }

    /**
     * The account's chain from {@code groupPublicKey} on, in one statement (so one snapshot): that key's epoch, the
     * current key, and the updates between them; empty if the key is not one of the chain's.
     */
    public Optional<GroupKeyChain> chainFrom(String account, byte[] groupPublicKey) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT epoch, group_public_key, group_key_update FROM {h-schema}group_key
                        WHERE account = ?1 AND epoch >= (SELECT epoch FROM {h-schema}group_key
                                                         WHERE account = ?1 AND group_public_key = ?2)
                        ORDER BY epoch""")
                .setParameter(1, account)
                .setParameter(2, groupPublicKey)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] last = (Object[]) rows.get(rows.size() - 1);
        List<byte[]> updates = rows.subList(1, rows.size()).stream().map(row -> (byte[]) ((Object[]) row)[2]).toList();
        return Optional.of(new GroupKeyChain(((Number) last[0]).intValue(), (byte[]) last[1], updates));
    }

    /** How many updates the account's chain holds: its rows after the one it starts with. */
    public int updateCount(String account) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM {h-schema}group_key WHERE account = ?1 AND group_key_update IS NOT NULL")
                .setParameter(1, account)
                .getSingleResult()).intValue();
    }

    /**
     * Starts a chain with {@code groupPublicKey}: the account's first (epoch 0), or one that replaces the chain
     * before it, whose rows go; its epoch follows the last one, so an epoch never names two keys of an account.
     *
     * @return the new chain's epoch
     */
    public int start(String account, byte[] groupPublicKey) {
        int epoch = currentEpoch(account).map(last -> last + 1).orElse(0);
        entityManager.createNativeQuery("DELETE FROM {h-schema}group_key WHERE account = ?1")
                .setParameter(1, account)
                .executeUpdate();
        insert(account, epoch, groupPublicKey, null);
        return epoch;
    }

    /** Appends the key of {@code epoch}, reached by {@code update} from the key one epoch before. */
    public void append(String account, int epoch, byte[] groupPublicKey, byte[] update) {
        insert(account, epoch, groupPublicKey, update);
    }

    private void insert(String account, int epoch, byte[] groupPublicKey, byte[] update) {
        // A missing update is written as a literal NULL, not as an untyped null parameter.
        jakarta.persistence.Query insert = entityManager.createNativeQuery(
                        "INSERT INTO {h-schema}group_key (account, epoch, group_public_key, group_key_update)"
                                + (update == null ? " VALUES (?1, ?2, ?3, NULL)" : " VALUES (?1, ?2, ?3, ?4)"))
                .setParameter(1, account)
                .setParameter(2, epoch)
                .setParameter(3, groupPublicKey);
        if (update != null) {
            insert.setParameter(4, update);
        }
        insert.executeUpdate();
    }
}
