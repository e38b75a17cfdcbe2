package dev.tacit.web.content;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.ProblemWriter;

/**
 * Bounds every request's content before anything parses it (docs/protocol.md §4.1): content over the bound is
 * answered 413 with a problem document and never read into memory; the rest reaches the API from memory, as
 * {@link BoundedContent} read it. Signed requests come here already read by the signature check.
 */
// asyncSupported: the mailbox wake-up stream (§4.20) outlives its request thread.
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST, asyncSupported = true)
public class BoundedContentFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        byte[] content;
        try {
            content = BoundedContent.of(request);
        } catch (BoundedContent.ContentTooLargeException e) {
            ProblemWriter.sendError(request, response, Problem.contentTooLarge(e.limit()));
            return;
        }
        chain.doFilter(new ContentInMemory(request, content), response);
    }

    /** The request with its content served from memory. */
    private static final class ContentInMemory extends HttpServletRequestWrapper {

        private final byte[] content;

        ContentInMemory(HttpServletRequest request, byte[] content) {
            super(request);
            this.content = content;
        }

        @Override
        public int getContentLength() {
            return content.length;
        }

        @Override
        public long getContentLengthLong() {
            return content.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(content);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the content is already in memory; read it synchronously");
                }
            };
        }

        /** The declared charset, UTF-8 (JSON's) when none or an unknown one is declared. */
        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), charset()));
        }
    }
}
