package dev.tacit.web.auth;

import java.io.ByteArrayInputStream;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The body of a signed request, which {@link SignedRequestMechanism} must read to check its Content-Digest
 * before the application sees it: kept on the request and handed back to JAX-RS as the entity.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SignedRequestBody implements ContainerRequestFilter {

    private static final String ATTRIBUTE = SignedRequestBody.class.getName();

    @Context
    HttpServletRequest servletRequest;

    static void keep(HttpServletRequest request, byte[] body) {
        request.setAttribute(ATTRIBUTE, body);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (servletRequest.getAttribute(ATTRIBUTE) instanceof byte[] body) {
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }
}
