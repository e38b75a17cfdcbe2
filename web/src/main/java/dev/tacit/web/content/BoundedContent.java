package dev.tacit.web.content;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import dev.tacit.web.problem.Problem;

/**
 * A request's content, read at most once and never more than its endpoint's bound ({@link #limitOf}; docs/protocol.md
 * §4.1): a declared {@code Content-Length} over the bound is refused before a byte is read,
 * and chunked content is read only one byte past it. The content is kept on the request, so that whoever
 * reads it first (the signature check needs it, §5.3) hands the same bytes to whoever comes next.
 */
public final class BoundedContent {

    private static final String ATTRIBUTE = BoundedContent.class.getName();
    /** Where messages are sent (docs/protocol.md §4.12). */
    static final String MESSAGES_PATH = "/v1/messages";

    private BoundedContent() {
    }

    /**
     * The request's content, empty if it has none.
     *
     * @throws ContentTooLargeException if it is larger than the bound; the rest is not read
     */
    public static byte[] of(HttpServletRequest request) throws IOException, ContentTooLargeException {
        if (request.getAttribute(ATTRIBUTE) instanceof byte[] kept) {
            return kept;
        }
        int limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            throw new ContentTooLargeException(limit);
        }
        // Not closed: closing would read the rest of oversized content here, in a worker thread; the container
        // discards it after the answer instead.
        InputStream in = request.getInputStream();
        byte[] content = in.readNBytes(limit + 1);
        if (content.length > limit) {
            throw new ContentTooLargeException(limit);
        }
        request.setAttribute(ATTRIBUTE, content);
        return content;
    }

    /**
     * The most content a request may have: {@link Problem#MAX_CONTENT_BYTES}, except a send of a message
     * (docs/protocol.md §4.12), whose bound follows from the largest sealed envelope.
     */
    public static int limitOf(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && MESSAGES_PATH.equals(request.getRequestURI())
                ? Problem.MAX_MESSAGE_CONTENT_BYTES : Problem.MAX_CONTENT_BYTES;
    }

    /** The request's content is larger than its bound. */
    public static final class ContentTooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        private final int limit;

        ContentTooLargeException(int limit) {
            this.limit = limit;
        }

        /** The bound it broke. */
        public int limit() {
            return limit;
        }
    }
}
