package dev.tacit.server.wakeup;

import java.io.IOException;

/**
 * Where an open wake-up stream writes (the web tier's Server-Sent Events connection). Calls come from one thread at
 * a time; a method that throws means the client is gone, and the stream is closed.
 */
public interface StreamSink {

    /** A new message in the mailbox: event id {@code eventId} (the mailbox cursor after it), data its id. */
    void message(String eventId, String messageId) throws IOException;

    /** A comment line, which clients ignore and proxies take for traffic. */
    void comment(String text) throws IOException;

    /** Ends the stream; no call follows. */
    void close();
}
