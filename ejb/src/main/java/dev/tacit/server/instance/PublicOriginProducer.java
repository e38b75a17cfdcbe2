package dev.tacit.server.instance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.tacit.http.PublicOrigin;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The origin clients reach this server at ({@code tacit.public-origin}): what request signatures cover as
 * their authority and the token issuer's name (docs/protocol.md §2.1.3, §5.1). Never taken from a request's
 * {@code Host} or forwarding headers.
 */
@ApplicationScoped
public class PublicOriginProducer {

    static final String SETTING = "tacit.public-origin";

    @Produces
    @Singleton
    PublicOrigin publicOrigin(@ConfigProperty(name = SETTING, defaultValue = "http://localhost:8080") String origin) {
        try {
            return PublicOrigin.parse(origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + " (TACIT_PUBLIC_ORIGIN) must be the origin clients reach the"
                    + " server at, such as https://tacit.example: " + e.getMessage(), e);
        }
    }
}
