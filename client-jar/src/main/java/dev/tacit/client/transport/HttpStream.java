package dev.tacit.client.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * An answer read as it arrives: its content, open until {@link #close}, which drops the connection (it may be
 * called from another thread to end a blocked read).
 */
public final class HttpStream implements Closeable {

    private final InputStream content;
    private final String contentType;
    private final Closeable response;

    HttpStream(InputStream content, String contentType, Closeable response) {
        this.content = content;
        this.contentType = contentType;
        this.response = response;
    }

    public InputStream content() {
        return content;
    }

    /** The Content-Type, or null without one. */
    public String contentType() {
        return contentType;
    }

    @Override
    public void close() {
        try {
            response.close();
        } catch (IOException e) {
            // the connection is dropped either way
        }
    }
}
