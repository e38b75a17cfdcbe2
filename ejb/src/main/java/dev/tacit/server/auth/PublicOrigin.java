package dev.tacit.server.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheme, host and port clients use to reach this server, {@code tacit.public-origin}: what they sign as
 * the request's {@code @authority} (docs/protocol.md §5.1), never taken from the request itself. Checked when
 * the server starts, so that a wrong value stops the deployment with a message saying what is wrong instead
 * of failing every signed request.
 */
@ApplicationScoped
public class PublicOrigin {

    static final String NAME = "tacit.public-origin";

    @Inject
    @ConfigProperty(name = NAME, defaultValue = "http://localhost:8080")
    String configured;

    private String origin;

    @PostConstruct
    void check() {
        origin = parse(configured);
    }

    /**
     * The absolute target URI of a request received with this raw path and query (as sent, percent-encoding
     * untouched; {@code rawQuery} null for none).
     *
     * @throws IllegalArgumentException if the path or query is not a valid URI part (the client's fault)
     */
    public URI targetUri(String rawPath, String rawQuery) {
        return URI.create(origin + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
    }

    /** Reads the setting: {@code http} or {@code https}, a host and optionally a port, nothing else. */
    static String parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalid(value, "it is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(value, "its scheme must be http or https");
        }
        if (uri.getHost() == null) {
            throw invalid(value, "it has no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw invalid(value, "it must have no user, path, query or fragment");
        }
        return scheme + "://" + uri.getRawAuthority();
    }

    private static IllegalStateException invalid(String value, String reason) {
        return new IllegalStateException(NAME + " (TACIT_PUBLIC_ORIGIN) is \"" + value + "\", but " + reason
                + ". Set it to the scheme, host and port clients reach this server at, such as https://tacit.example"
                + " or http://localhost:8080.");
    }

    @Override
    public String toString() {
        return origin;
    }
}
