package dev.tacit.web.content;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import dev.tacit.web.problem.Problem;

/**
 * A request's content, read at most once and never more than {@link Problem#MAX_CONTENT_BYTES} of it
 * (docs/protocol.md §4.1): a declared {@code Content-Length} over the bound is refused before a byte is read,
 * and chunked content is read only one byte past it. The content is kept on the request, so that whoever
 * reads it first (the signature check needs it, §5.3) hands the same bytes to whoever comes next.
 */
public final class BoundedContent {

    private static final String ATTRIBUTE = BoundedContent.class.getName();

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
        if (request.getContentLengthLong() > Problem.MAX_CONTENT_BYTES) {
            throw new ContentTooLargeException();
        }
        // Not closed: closing would read the rest of oversized content here, in a worker thread; the container
        // discards it after the answer instead.
        InputStream in = request.getInputStream();
        byte[] content = in.readNBytes(Problem.MAX_CONTENT_BYTES + 1);
        if (content.length > Problem.MAX_CONTENT_BYTES) {
            throw new ContentTooLargeException();
        }
        request.setAttribute(ATTRIBUTE, content);
        return content;
    }

    /** The request's content is larger than {@link Problem#MAX_CONTENT_BYTES}. */
    public static final class ContentTooLargeException extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
