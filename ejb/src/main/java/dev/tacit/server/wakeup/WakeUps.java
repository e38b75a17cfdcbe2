package dev.tacit.server.wakeup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Announces a new message to every server node: {@code pg_notify} on {@link #CHANNEL} with the mailbox's opaque
 * key, in the caller's transaction. PostgreSQL delivers a notification only when that transaction commits, and not
 * at all if it rolls back, so a stream is never woken for a message that is not there, on whichever node it is open
 * ({@link WakeUpListener}).
 */
@ApplicationScoped
public class WakeUps {

    /** The PostgreSQL notification channel of mailbox wake-ups. */
    public static final String CHANNEL = "tacit_mailbox";

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    @Inject
    MailboxKeys keys;

    @Inject
    Event<MessageCommitted> committed;

    /**
     * Wakes {@code account}'s streams once the current transaction commits, and tells the observers of
     * {@link MessageCommitted} (push wake-ups), which act after the commit.
     */
    public void atCommit(String account) {
        committed.fire(new MessageCommitted(account));
        entityManager.createNativeQuery("SELECT CAST(pg_notify(?1, ?2) AS text)")
                .setParameter(1, CHANNEL)
                .setParameter(2, keys.of(account))
                .getResultList();
    }
}
