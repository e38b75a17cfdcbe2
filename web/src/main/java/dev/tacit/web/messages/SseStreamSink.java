package dev.tacit.web.messages;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import dev.tacit.server.wakeup.StreamSink;

/** A wake-up stream written as Server-Sent Events (docs/protocol.md §4.20). */
final class SseStreamSink implements StreamSink {

    /** The event name of a new message. */
    static final String MESSAGE = "message";
    /** A client that takes longer than this to accept an event is taken for gone. */
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final SseEventSink sink;
    private final Sse sse;

    SseStreamSink(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void message(String eventId, String messageId) throws IOException {
        send(sse.newEventBuilder().name(MESSAGE).id(eventId).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, Json.createObjectBuilder().add("id", messageId).build().toString()).build());
    }

    @Override
    public void comment(String text) throws IOException {
        send(sse.newEventBuilder().comment(text).build());
    }

    private void send(OutboundSseEvent event) throws IOException {
        if (sink.isClosed()) {
            throw new IOException("the stream is closed");
        }
        try {
            sink.send(event).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the client did not take the event", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
