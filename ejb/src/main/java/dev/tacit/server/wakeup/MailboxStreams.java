package dev.tacit.server.wakeup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tacit.server.messages.MailboxCursor;
import dev.tacit.server.messages.MessagingService;
import dev.tacit.server.settings.TacitSettings;

/**
 * The wake-up streams open on this server node (docs/protocol.md §4.20), by mailbox key: a wake-up for a key makes
 * each of its streams announce the messages it has not announced yet. Bounded per account and in all
 * ({@link TacitSettings.Streams}); every stream gets a comment line each keep-alive interval, which is also how a
 * closed connection is noticed. Streams are connections of this node, not shared state: another node holds its own.
 */
@ApplicationScoped
public class MailboxStreams {

    @Inject
    TacitSettings settings;

    @Inject
    MailboxKeys keys;

    @Inject
    MessagingService messaging;

    /** Where streams scan their mailboxes and write: never the thread that dispatches notifications. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    private final Map<String, Set<OpenStream>> byKey = new HashMap<>();
    private final Map<String, Integer> perAccount = new HashMap<>();
    private int open;
    private boolean closed;
    private ScheduledFuture<?> keepAlives;

    @PostConstruct
    void start() {
        long interval = settings.streams().keepAlive().toMillis();
        keepAlives = scheduler.scheduleAtFixedRate(this::keepAlive, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of {@code account}'s mailbox into {@code sink}: it first announces the pending messages after
     * {@code after} (all of them if empty), then each new one as it is committed.
     *
     * @throws TooManyStreamsException if the account's or the node's bound is reached; the sink is left alone
     */
    public void open(String account, Optional<MailboxCursor> after, StreamSink sink) {
        TacitSettings.Streams bounds = settings.streams();
        OpenStream stream;
        synchronized (this) {
            if (closed || open >= bounds.overall()) {
                throw new TooManyStreamsException(true, bounds.keepAlive());
            }
            if (perAccount.getOrDefault(account, 0) >= bounds.perAccount()) {
                throw new TooManyStreamsException(false, bounds.keepAlive());
            }
            stream = new OpenStream(this, account, keys.of(account), after, sink);
            byKey.computeIfAbsent(stream.key(), k -> new HashSet<>()).add(stream);
            perAccount.merge(account, 1, Integer::sum);
            open++;
        }
        stream.comment("open");
        stream.wake();
    }

    /** Wakes the streams of the mailbox with key {@code key}, if any is open here. */
    public void wake(String key) {
        List<OpenStream> streams;
        synchronized (this) {
            Set<OpenStream> those = byKey.get(key);
            if (those == null) {
                return;
            }
            streams = new ArrayList<>(those);
        }
        streams.forEach(OpenStream::wake);
    }

    /** Wakes every open stream: after notifications may have been missed, such as a lost database connection. */
    public void wakeAll() {
        everyStream().forEach(OpenStream::wake);
    }

    /** The number of streams open on this node. */
    public synchronized int openStreams() {
        return open;
    }

    private void keepAlive() {
        for (OpenStream stream : everyStream()) {
            executor.execute(() -> stream.comment("keep-alive"));
        }
    }

    private synchronized List<OpenStream> everyStream() {
        List<OpenStream> all = new ArrayList<>(open);
        byKey.values().forEach(all::addAll);
        return all;
    }

    /** Forgets a stream whose connection is closed. */
    synchronized void closed(OpenStream stream) {
        Set<OpenStream> those = byKey.get(stream.key());
        if (those == null || !those.remove(stream)) {
            return;
        }
        if (those.isEmpty()) {
            byKey.remove(stream.key());
        }
        perAccount.computeIfPresent(stream.account(), (account, count) -> count == 1 ? null : count - 1);
        open--;
    }

    Executor executor() {
        return executor;
    }

    MessagingService messaging() {
        return messaging;
    }

    /** Undeploying or stopping the server ends every stream cleanly, and no new one opens. */
    @PreDestroy
    void closeAll() {
        if (keepAlives != null) {
            keepAlives.cancel(false);
        }
        List<OpenStream> all;
        synchronized (this) {
            closed = true;
            all = everyStream();
        }
        all.forEach(OpenStream::close);
    }

    /** How long after a later message an earlier one may still commit: WildFly's default transaction timeout. */
    static final Duration COMMIT_LAG = Duration.ofMinutes(5);
}
