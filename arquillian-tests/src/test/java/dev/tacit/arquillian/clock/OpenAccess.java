package dev.tacit.arquillian.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The clock's web module authenticates nobody. It needs a mechanism of its own all the same: Jakarta
 * Security, having found tacit-web's mechanism in the application, guards every web module of it, and the
 * one in tacit-web.war is not visible from this module.
 */
@ApplicationScoped
public class OpenAccess implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        return context.doNothing();
    }
}
