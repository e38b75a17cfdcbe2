package dev.tacit.server.wakeup;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tacit.server.messages.MailboxCursor;
import dev.tacit.server.messages.MailboxPage;
import dev.tacit.server.messages.MessageId;
import dev.tacit.server.messages.MessagingService;
import dev.tacit.server.messages.StoredMessage;

/**
 * One open wake-up stream. A wake-up makes it scan its mailbox from its position and announce each message it has
 * not announced yet; wake-ups that arrive during a scan make one more scan, never a second one at the same time.
 *
 * <p>The position is the cursor of the newest message announced. Messages are ordered by their received time,
 * which is taken inside the sending transaction, so a message can commit after a later one was announced; each
 * scan after the first therefore looks back {@link MailboxStreams#COMMIT_LAG} before the position and skips the
 * messages announced already. The first scan of a resumed stream starts right after the client's Last-Event-ID.
 */
final class OpenStream {

    private static final MessageId SMALLEST_ID = MessageId.of(new byte[MessageId.LENGTH]);

    private final MailboxStreams streams;
    private final String account;
    private final String key;
    private final StreamSink sink;
    private final AtomicInteger wakeUps = new AtomicInteger();
    /** Messages announced within the commit lag before the position, by id; touched by one scan at a time. */
    private final Map<MessageId, Instant> announced = new HashMap<>();
    private Optional<MailboxCursor> position;
    private boolean resumed;
    private boolean closed;

    OpenStream(MailboxStreams streams, String account, String key, Optional<MailboxCursor> after, StreamSink sink) {
        this.streams = streams;
        this.account = account;
        this.key = key;
        this.sink = sink;
        this.position = after;
        this.resumed = after.isPresent();
    }

    String account() {
        return account;
    }

    String key() {
        return key;
    }

    /** Asks for a scan on the executor; one runs at a time, and one more follows if asked during it. */
    void wake() {
        if (wakeUps.getAndIncrement() == 0) {
            streams.executor().execute(this::scanWhileWoken);
        }
    }

    private void scanWhileWoken() {
        int seen;
        do {
            seen = wakeUps.get();
            try {
                scan();
            } catch (IOException | RuntimeException e) {
                close();
                return;
            }
        } while (wakeUps.addAndGet(-seen) != 0);
    }

    private void scan() throws IOException {
        if (isClosed()) {
            return;
        }
        Optional<MailboxCursor> from = resumed || position.isEmpty() ? position
                : Optional.of(new MailboxCursor(position.get().receivedAt().minus(MailboxStreams.COMMIT_LAG), SMALLEST_ID));
        resumed = false;
        MessagingService messaging = streams.messaging();
        do {
            MailboxPage page = messaging.mailbox(account, from, MessagingService.MAX_PAGE);
            for (StoredMessage message : page.messages()) {
                if (announced.containsKey(message.id())) {
                    continue;
                }
                MailboxCursor cursor = message.cursor();
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    sink.message(cursor.encode(), message.id().toString());
                }
                announced.put(message.id(), message.receivedAt());
                if (position.isEmpty() || isAfter(cursor, position.get())) {
                    position = Optional.of(cursor);
                }
            }
            from = page.next();
        } while (from.isPresent());
        Instant horizon = position.map(p -> p.receivedAt().minus(MailboxStreams.COMMIT_LAG)).orElse(Instant.MIN);
        announced.values().removeIf(receivedAt -> receivedAt.isBefore(horizon));
    }

    private static boolean isAfter(MailboxCursor cursor, MailboxCursor than) {
        int byTime = cursor.receivedAt().compareTo(than.receivedAt());
        return byTime > 0 || byTime == 0 && java.util.Arrays.compareUnsigned(cursor.id().bytes(), than.id().bytes()) > 0;
    }

    /** Writes a comment line; a connection found closed closes the stream. */
    void comment(String text) {
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                sink.comment(text);
                return;
            } catch (IOException | RuntimeException e) {
                // the client is gone
            }
        }
        close();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        streams.closed(this);
        sink.close();
    }
}
