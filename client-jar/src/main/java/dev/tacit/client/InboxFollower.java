package dev.tacit.client;

import java.time.Duration;
import java.util.Optional;

import dev.tacit.client.messages.MailboxEvent;
import dev.tacit.client.messages.MailboxEvents;

/**
 * Receives messages as they arrive (docs/protocol.md §4.20): the mailbox's live wake-up stream, and on each
 * announcement a {@link TacitClient#receive() receive} — open, check against the pinned CAs, save, acknowledge —
 * run on the caller's thread in {@link #next}. The stream's last event id is kept in memory only (the state
 * directory keeps no cursor, §3.10): a new follower is first told of every message still in the mailbox.
 *
 * <pre>{@code
 * try (InboxFollower follower = client.follow()) {
 *     while (true) {
 *         if (follower.next(Duration.ofMinutes(1)).orElse(null) instanceof InboxFollower.Received received) {
 *             received.inbox().messages().forEach(System.out::println);
 *         }
 *     }
 * }
 * }</pre>
 *
 * Not thread-safe: one thread calls {@link #next}; {@link #close} may be called from any thread.
 */
public final class InboxFollower implements AutoCloseable {

    /** What {@link #next} brings. */
    public sealed interface Update permits Following, Received, Reconnecting {
    }

    /** The stream is open: every message committed to the mailbox from now on is received. */
    public record Following() implements Update {
    }

    /** Messages arrived and were received; {@code inbox} holds at least one message or one dropped. */
    public record Received(Inbox inbox) implements Update {
    }

    /** The connection was lost; the stream connects again after {@code delay}, and misses nothing meanwhile. */
    public record Reconnecting(Duration delay, String reason) implements Update {
    }

    /** Reads the mailbox: {@link TacitClient#receive()}. */
    @FunctionalInterface
    interface Receiver {
        Inbox receive() throws TacitClientException;
    }

    private final MailboxEvents events;
    private final Receiver receiver;
    private boolean ended;

    InboxFollower(MailboxEvents events, Receiver receiver) {
        this.events = events;
        this.receiver = receiver;
    }

    /**
     * Waits up to {@code timeout} for the next update; empty if none came, or once the follower is closed. An
     * announced message is received before this returns; an announcement of a message received before brings
     * nothing and is waited past.
     *
     * @throws TacitClientException if receiving failed, or the server refused the stream for good (its signature,
     *                              say): the follower is then closed
     */
    public Optional<Update> next(Duration timeout) throws TacitClientException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended) {
            Optional<MailboxEvent> event = events.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (event.isEmpty()) {
                return Optional.empty();
            }
            if (event.get() instanceof MailboxEvent.Connected) {
                return Optional.of(new Following());
            }
            if (event.get() instanceof MailboxEvent.Reconnecting reconnecting) {
                return Optional.of(new Reconnecting(reconnecting.delay(), reconnecting.reason()));
            }
            if (event.get() instanceof MailboxEvent.Closed closed) {
                ended = true;
                if (closed.cause() != null) {
                    throw closed.cause();
                }
                return Optional.empty();
            }
            Inbox inbox = receiver.receive();
            if (!inbox.messages().isEmpty() || inbox.dropped() > 0) {
                return Optional.of(new Received(inbox));
            }
        }
        return Optional.empty();
    }

    /** Whether the stream has ended: closed, or refused for good. */
    public boolean isClosed() {
        return ended;
    }

    /** Ends the stream and its thread. */
    @Override
    public void close() {
        ended = true;
        events.close();
    }
}
