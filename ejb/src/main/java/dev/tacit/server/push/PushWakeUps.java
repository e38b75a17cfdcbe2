package dev.tacit.server.push;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.wakeup.MessageCommitted;

/**
 * Push wake-ups of a mailbox's subscriptions, after the message's transaction has committed and off the sending
 * request's thread: a push service that is slow, down or refusing never fails or slows a send. At most
 * {@code tacit.push.queue} wake-ups wait or run at a time; one more is dropped and counted (a later message wakes the
 * client anyway). A subscription its push service calls gone (404, 410) is deleted.
 */
@ApplicationScoped
public class PushWakeUps {

    private static final Logger LOG = Logger.getLogger(PushWakeUps.class.getName());

    @Inject
    PushSubscriptionService subscriptions;

    @Inject
    PushNotifier notifier;

    @Inject
    TacitSettings settings;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor executor;

    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageCommitted message) {
        if (pending.incrementAndGet() > settings.push().queue()) {
            pending.decrementAndGet();
            drop();
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    wakeUp(message.recipient());
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            drop();
        }
    }

    private void wakeUp(String account) {
        List<String> endpoints;
        try {
            endpoints = subscriptions.endpoints(account);
        } catch (RuntimeException e) {
            return; // the database is away; the next message tries again
        }
        for (String endpoint : endpoints) {
            if (notifier.wakeUp(URI.create(endpoint)) == PushNotifier.Delivery.GONE) {
                try {
                    subscriptions.forgetGone(account, endpoint);
                } catch (RuntimeException e) {
                    // the next wake-up finds it gone again
                }
            }
        }
    }

    private void drop() {
        long count = dropped.incrementAndGet();
        if (Long.bitCount(count) == 1) { // 1, 2, 4, 8, ...: noticed, without a line per drop
            LOG.log(Level.WARNING, "{0} push wake-ups dropped so far: more than tacit.push.queue were waiting.", count);
        }
    }

    /** Wake-ups dropped since the application started. */
    public long dropped() {
        return dropped.get();
    }
}
