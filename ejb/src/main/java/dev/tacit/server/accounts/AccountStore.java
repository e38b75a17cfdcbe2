package dev.tacit.server.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Storage of accounts and of used verification tokens. Runs in the caller's transaction. */
@ApplicationScoped
public class AccountStore {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /**
     * Records a verification token's nonce as used.
     *
     * @return false if it was used before (or concurrently, by a transaction that committed)
     */
    public boolean markVerificationUsed(byte[] nonce, Instant expiresAt) {
        return entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}used_verification (nonce, expires_at)
                        VALUES (?1, ?2)
                        ON CONFLICT (nonce) DO NOTHING""")
                .setParameter(1, nonce)
                .setParameter(2, expiresAt)
                .executeUpdate() == 1;
    }

    /**
     * The stored identity key of {@code number}, if it is registered: one column by primary key, no entity
     * built, so that finding the row costs about what not finding it costs.
     */
    public Optional<byte[]> identityKeyEncoding(String number) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT identity_key FROM {h-schema}account WHERE number = ?1")
                .setParameter(1, number)
                .getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    public Optional<Account> find(String number) {
        return Optional.ofNullable(entityManager.find(Account.class, number));
    }

    /** The account {@code number}, locked until the transaction ends; it must exist. */
    public Account lock(String number) {
        Account account = entityManager.find(Account.class, number, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new IllegalStateException("no account has the given number"); // the number stays out of logs
        }
        return account;
    }

    /**
     * Records that the account {@code number} was active at {@code now}, unless its recorded activity is less
     * than {@code granularity} old: then nothing is written (one look-up by primary key), so authenticated
     * traffic writes at most once per {@code granularity} per account.
     *
     * @return whether the activity was written
     */
    public boolean recordActivity(String number, Instant now, Duration granularity) {
        return entityManager.createNativeQuery("""
                        UPDATE {h-schema}account SET last_active_at = ?2
                        WHERE number = ?1 AND last_active_at <= ?3""")
                .setParameter(1, number)
                .setParameter(2, now)
                .setParameter(3, now.minus(granularity))
                .executeUpdate() == 1;
    }

    /** An account locked for the rest of the transaction, and whether this transaction created it. */
    public record LockedAccount(Account account, boolean created) {
    }

    /**
     * The account of {@code number}, locked until the transaction ends, created with the given keys if it
     * does not exist. Concurrent registrations of one number therefore run one after the other.
     */
    public LockedAccount lockOrCreate(String number, PublishedKeys keys, Instant now) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO {h-schema}account (number, identity_key, certificate, envelope_key, pre_key,
                                                       group_public_key, tokens_issued, registered_at, updated_at,
                                                       last_active_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?7, ?7)
                        ON CONFLICT (number) DO NOTHING""")
                .setParameter(1, number)
                .setParameter(2, keys.identityKey())
                .setParameter(3, keys.certificate())
                .setParameter(4, keys.envelopeKey())
                .setParameter(5, keys.preKey())
                .setParameter(6, keys.groupPublicKey())
                .setParameter(7, now)
                .executeUpdate();
        return new LockedAccount(entityManager.find(Account.class, number, LockModeType.PESSIMISTIC_WRITE), inserted == 1);
    }
}
