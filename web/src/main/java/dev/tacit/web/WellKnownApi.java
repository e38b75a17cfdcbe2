package dev.tacit.web;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import dev.tacit.web.problem.UnexpectedExceptionMapper;
import dev.tacit.web.problem.WebApplicationExceptionMapper;
import dev.tacit.web.tokens.TokenIssuerDirectoryResource;

/**
 * Documents at the standard {@code /.well-known/} paths. Lists its classes explicitly, so the resources of
 * {@link TacitApi} are not served here a second time.
 */
@ApplicationPath("/.well-known")
public class WellKnownApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TokenIssuerDirectoryResource.class,
                WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class);
    }
}
