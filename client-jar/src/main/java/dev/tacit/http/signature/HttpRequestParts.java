package dev.tacit.http.signature;

import java.net.URI;
import java.util.Locale;

/**
 * The parts of an HTTP request that a signature covers, independent of any HTTP library: callers adapt a
 * {@code java.net.http.HttpRequest} or a servlet request to it.
 *
 * <p>The target URI is absolute ({@code http} or {@code https}, with a host, no user info, no fragment)
 * and keeps its path and query exactly as sent, percent-encoding included. A server behind a TLS
 * terminator or proxy builds it from its configured public origin plus the request's raw path and query.
 */
public final class HttpRequestParts {

    private final String method;
    private final URI targetUri;
    private final HttpFields headers;
    private final byte[] body;

    private HttpRequestParts(String method, URI targetUri, HttpFields headers, byte[] body) {
        this.method = method;
        this.targetUri = targetUri;
        this.headers = headers;
        this.body = body;
    }

    /** Checks and copies the parts; {@code body} is empty for a request without content. */
    public static HttpRequestParts of(String method, URI targetUri, HttpFields headers, byte[] body) {
        if (method.isEmpty() || !method.chars().allMatch(c -> StructuredFieldParser.isTchar((char) c))) {
            throw new IllegalArgumentException("not an HTTP method: " + method);
        }
        String scheme = targetUri.getScheme() == null ? "" : targetUri.getScheme().toLowerCase(Locale.ROOT);
        if (!targetUri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))
                || targetUri.getHost() == null || targetUri.getRawUserInfo() != null || targetUri.getRawFragment() != null) {
            throw new IllegalArgumentException("the target URI must be an absolute http(s) URI with a host and no user info or fragment");
        }
        // java.net.URI admits raw non-ASCII characters; the signature base is ASCII and must not guess an encoding.
        if (!targetUri.toString().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the target URI must be percent-encoded ASCII");
        }
        return new HttpRequestParts(method, targetUri, headers, body.clone());
    }

    public String method() {
        return method;
    }

    public URI targetUri() {
        return targetUri;
    }

    public HttpFields headers() {
        return headers;
    }

    public byte[] body() {
        return body.clone();
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** This request with other header fields. */
    public HttpRequestParts withHeaders(HttpFields newHeaders) {
        return new HttpRequestParts(method, targetUri, newHeaders, body);
    }

    /** The body without a copy, for digesting inside the package. */
    byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public String toString() {
        return method + " " + targetUri + " " + headers + " body " + body.length + " bytes";
    }
}
