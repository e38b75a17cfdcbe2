package dev.tacit.client.messages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.RateLimitedException;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.client.transport.HttpStream;
import dev.tacit.http.signature.RequestSigner;

/**
 * The mailbox's live wake-up stream (docs/protocol.md §4.20): Server-Sent Events over the signed channel, read on a
 * thread of its own into a queue that {@link #take} and {@link #poll} empty. It reconnects by itself when the
 * connection is lost, with a new signature and the last event id received, so a message committed while it was away
 * is announced after the reconnection; it gives up only when the server refuses it for good ({@link
 * MailboxEvent.Closed}). Events carry no content: a {@link MailboxEvent.NewMessage} means "list the mailbox".
 *
 * <pre>{@code
 * try (MailboxEvents events = mailbox.events(Optional.empty())) {
 *     while (true) {
 *         if (events.take() instanceof MailboxEvent.NewMessage) {
 *             mailbox.listAll(); // open, store, acknowledge
 *         }
 *     }
 * }
 * }</pre>
 *
 * Thread-safe; close it to end the stream and its thread.
 */
public final class MailboxEvents implements AutoCloseable {

    /** The path of the stream. */
    public static final String PATH = "/v1/account/messages/events";
    static final String EVENT_STREAM = "text/event-stream";
    /** The first wait before connecting again, doubled after each failed attempt up to {@link #LONGEST_WAIT}. */
    static final Duration FIRST_WAIT = Duration.ofMillis(500);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final DirectTransport direct;
    private final RequestSigner signer;
    private final BlockingQueue<MailboxEvent> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile String lastEventId;
    private volatile boolean closed;
    private volatile HttpStream current;

    MailboxEvents(DirectTransport direct, RequestSigner signer, Optional<String> lastEventId) {
        this.direct = direct;
        this.signer = signer;
        this.lastEventId = lastEventId.orElse(null);
        this.reader = new Thread(this::run, "tacit-mailbox-events");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** The next event, waiting for one. */
    public MailboxEvent take() throws InterruptedException {
        return events.take();
    }

    /** The next event, if one comes within {@code timeout}. */
    public Optional<MailboxEvent> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** The id of the last event received, which a later stream can resume after; empty before the first. */
    public Optional<String> lastEventId() {
        return Optional.ofNullable(lastEventId);
    }

    private void run() {
        Duration wait = FIRST_WAIT;
        while (!closed) {
            String reason;
            Duration next = wait;
            try (HttpStream stream = direct.openSigned(PATH, EVENT_STREAM,
                    lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId), signer)) {
                current = stream;
                if (closed) {
                    break;
                }
                if (stream.contentType() == null || !stream.contentType().startsWith(EVENT_STREAM)) {
                    throw new ServerUnreachableException("the server's answer is not an event stream");
                }
                events.add(new MailboxEvent.Connected());
                wait = FIRST_WAIT;
                next = read(stream);
                reason = "the server closed the stream";
            } catch (RateLimitedException e) {
                reason = e.getMessage();
                next = e.retryAfter().orElse(wait);
            } catch (ProblemResponseException e) {
                if (e.status() < 500) {
                    closed = true;
                    events.add(new MailboxEvent.Closed(e));
                    return;
                }
                reason = e.getMessage();
                next = e.retryAfterSeconds().map(Duration::ofSeconds).orElse(wait);
            } catch (TacitClientException | IOException | RuntimeException e) {
                reason = e.getMessage();
            } finally {
                current = null;
            }
            if (closed) {
                break;
            }
            events.add(new MailboxEvent.Reconnecting(next, reason));
            try {
                Thread.sleep(next.toMillis());
            } catch (InterruptedException e) {
                break;
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
        events.add(new MailboxEvent.Closed(null));
    }

    /**
     * Reads events until the stream ends (the Server-Sent Events format of the HTML standard: fields up to a blank
     * line, comment lines ignored). Returns the wait before reconnecting, the server's {@code retry} if it gave one.
     */
    private Duration read(HttpStream stream) throws IOException {
        Duration retry = FIRST_WAIT;
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.content(), StandardCharsets.UTF_8));
        String event = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        String line;
        while (!closed && (line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                dispatch(event, id, data);
                event = null;
                id = null;
                data.setLength(0);
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            switch (field) {
                case "event" -> event = value;
                case "id" -> id = value;
                case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                case "retry" -> {
                    try {
                        retry = Duration.ofMillis(Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        // ignored, as the standard says
                    }
                }
                default -> {
                    // unknown fields are ignored
                }
            }
        }
        return retry;
    }

    private void dispatch(String event, String id, StringBuilder data) {
        if (id != null) {
            lastEventId = id;
        }
        if (!"message".equals(event) || data.isEmpty()) {
            return;
        }
        try {
            JsonObject message = Json.createReader(new java.io.StringReader(data.toString())).readObject();
            events.add(new MailboxEvent.NewMessage(message.getString("id"), id));
        } catch (JsonException | IllegalStateException | ClassCastException | NullPointerException e) {
            // not an event of this protocol version: skip it
        }
    }

    /** Ends the stream: its connection is dropped and its thread ends; a {@link MailboxEvent.Closed} comes last. */
    @Override
    public void close() {
        closed = true;
        HttpStream stream = current;
        if (stream != null) {
            stream.close();
        }
        reader.interrupt();
    }
}
