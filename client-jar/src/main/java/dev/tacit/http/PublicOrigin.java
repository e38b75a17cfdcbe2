package dev.tacit.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The origin clients reach a Tacit server at: scheme ({@code http} or {@code https}), host and port, nothing
 * else. Its {@linkplain #authority() authority} is what request signatures cover as {@code @authority}
 * (docs/protocol.md §5.1) and the token issuer's {@code issuer_name} (§2.1.3), so client and server must
 * agree on it; the server publishes both in {@code GET /v1/server} (§4.2).
 */
public final class PublicOrigin {

    private final String scheme;
    private final String authority;

    private PublicOrigin(String scheme, String authority) {
        this.scheme = scheme;
        this.authority = authority;
    }

    /**
     * Parses an origin such as {@code https://tacit.example} or {@code http://localhost:8080}, written as
     * RFC 6454 serialises one: nothing after the authority, not even {@code /}.
     *
     * @throws IllegalArgumentException if it is not an http or https origin with a host and nothing more
     */
    public static PublicOrigin parse(String origin) {
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: " + origin, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("an origin's scheme is http or https: " + origin);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !uri.getRawPath().isEmpty()) {
            throw new IllegalArgumentException("an origin is scheme://host[:port], without user, path, query or"
                    + " fragment: " + origin);
        }
        return new PublicOrigin(scheme, authorityOf(uri));
    }

    /**
     * The authority of {@code uri} as RFC 9421 §2.2.3 and docs/protocol.md §5.1 define it: the host
     * lower-cased, then {@code :port} only if the port is not the scheme's default (443 for https, 80 for http).
     */
    public static String authorityOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** {@code tacit.example}, {@code localhost:8080}: what signatures cover and what {@code issuer_name} is. */
    public String authority() {
        return authority;
    }

    /** The URI of {@code pathAndQuery} (starting with {@code /}) at this origin. */
    public URI resolve(String pathAndQuery) {
        return URI.create(this + pathAndQuery);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicOrigin that && scheme.equals(that.scheme) && authority.equals(that.authority);
    }

    @Override
    public int hashCode() {
        return scheme.hashCode() * 31 + authority.hashCode();
    }

    /** The origin in normal form: {@code https://tacit.example}, {@code http://localhost:8080}. */
    @Override
    public String toString() {
        return scheme + "://" + authority;
    }
}
