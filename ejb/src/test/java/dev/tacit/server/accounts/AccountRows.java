package dev.tacit.server.accounts;

import java.time.Instant;

import jakarta.persistence.EntityManager;

/** Accounts stored the way registration stores them ({@link AccountStore}), for store tests of other packages. */
public final class AccountRows {

    private AccountRows() {
    }

    /** Stores the account {@code number} with {@code keys}, registered at {@code now}. */
    public static void register(EntityManager entityManager, String number, PublishedKeys keys, Instant now) {
        AccountStore accounts = new AccountStore();
        accounts.entityManager = entityManager;
        accounts.lockOrCreate(number, keys, now);
    }
}
