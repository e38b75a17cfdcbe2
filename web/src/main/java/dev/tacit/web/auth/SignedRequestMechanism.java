package dev.tacit.web.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tacit.crypto.CryptoException;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestVerifier;
import dev.tacit.http.signature.VerifiedRequest;
import dev.tacit.server.accounts.AccountService;
import dev.tacit.server.auth.SignedRequestAdmission;
import dev.tacit.server.auth.SignedRequestAdmission.Admission;
import dev.tacit.server.auth.SignedRequestAdmission.Admitted;
import dev.tacit.server.auth.SignedRequestAdmission.RateLimited;
import dev.tacit.server.auth.SignedRequestAdmission.Replayed;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.web.content.BoundedContent;
import dev.tacit.web.problem.Incidents;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.ProblemWriter;

/**
 * Authenticates account-scoped requests (those under a security constraint, {@code /v1/account/*}) by their
 * RFC 9421 signature (docs/protocol.md §5): the caller becomes the account whose identity key signed.
 * Content over the bound is 413, an account over its rate limit 429, and any failed check, from a missing
 * header to a replayed nonce, the same 401; the request goes no further. A registration ({@code POST
 * /v1/accounts}) is anonymous but may be signed, by an account re-registering with its current key (§4.7): it
 * is then authenticated the same way. Other requests pass untouched. What an authenticated request costs the
 * server (its nonce, its account's allowance, its account's activity) is {@link SignedRequestAdmission}'s.
 * The operator's resources ({@code /v1/operator/*}) take the operator's credentials instead
 * ({@link OperatorAuthentication}); a signed request there is authenticated as its account all the same, which
 * holds no operator role, so the container refuses it (403): an account signature never grants them.
 *
 * <p>A refused request is logged at FINE only, in one line naming the check it failed, never the keyid,
 * nonce or content; its answer goes through the container's error page ({@link ProblemWriter#sendError}),
 * which is what the container does itself after a failed authentication. A failure of the server itself
 * (its database, say) is the 500 incident problem, as in the API.
 */
@ApplicationScoped
public class SignedRequestMechanism implements HttpAuthenticationMechanism {

    /** Where clients register (docs/protocol.md §4.7); a signed registration is an account's re-registration. */
    static final String REGISTRATION_PATH = "/v1/accounts";

    private static final Logger LOG = Logger.getLogger(SignedRequestMechanism.class.getName());

    @Inject
    AccountService accounts;

    @Inject
    SignedRequestAdmission admission;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    @Inject
    OperatorAuthentication operator;

    private RequestVerifier verifier;

    @PostConstruct
    void createVerifier() {
        verifier = new RequestVerifier(accounts::requestVerificationKey, clock, RequestVerifier.DEFAULT_FRESHNESS_WINDOW);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!context.isProtected() && !isSignedRegistration(request)) {
            return context.doNothing();
        }
        if (OperatorAuthentication.isOperatorPath(request) && !isSigned(request)) {
            return operator.validate(request, response, context);
        }
        try {
            return authenticate(request, response, context);
        } catch (IOException e) {
            return refuse(request, response, Problem.unauthenticated(), "the content could not be read");
        } catch (RuntimeException e) {
            return refuse(request, response, Incidents.report(e), "the server failed");
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) throws IOException {
        byte[] content;
        try {
            content = BoundedContent.of(request);
        } catch (BoundedContent.ContentTooLargeException e) {
            return refuse(request, response, Problem.contentTooLarge(e.limit()), "the content is too large");
        }
        HttpRequestParts parts;
        try {
            parts = HttpRequestParts.of(request.getMethod(), targetUri(request), headers(request), content);
        } catch (IllegalArgumentException e) {
            return refuse(request, response, Problem.unauthenticated(), "the request target or a field cannot be signed");
        }
        VerifiedRequest verified;
        try {
            verified = verifier.verify(parts);
        } catch (CryptoException e) {
            return refuse(request, response, Problem.unauthenticated(), e.getClass().getSimpleName());
        }
        Admission admitted = admission.admit(verified);
        if (admitted instanceof Replayed) {
            return refuse(request, response, Problem.unauthenticated(), "the nonce was used before");
        }
        if (admitted instanceof RateLimited limited) {
            response.setHeader("Retry-After", ProblemWriter.retryAfterSeconds(limited.retryAfter()));
            return refuse(request, response, Problem.rateLimited("The account's limit on signed requests",
                    limited.retryAfter()), "the account's rate limit is spent");
        }
        if (!(admitted instanceof Admitted)) {
            throw new IllegalStateException("unknown admission " + admitted.getClass());
        }
        return context.notifyContainerAboutLogin(new CredentialValidationResult(verified.keyId()));
    }

    /** A registration that carries a signature: the account re-registering with its current key (§4.7). */
    private static boolean isSignedRegistration(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && REGISTRATION_PATH.equals(request.getRequestURI())
                && isSigned(request);
    }

    private static boolean isSigned(HttpServletRequest request) {
        return request.getHeader("Signature-Input") != null || request.getHeader("Signature") != null;
    }

    /**
     * The request's target as the client signed it: at the origin clients reach this server at, perhaps
     * through a proxy, never the one the request names (§5.1).
     *
     * @throws IllegalArgumentException if the path or query is not a valid URI part (the client's fault)
     */
    private URI targetUri(HttpServletRequest request) {
        String query = request.getQueryString();
        return settings.publicOrigin().resolve(request.getRequestURI() + (query == null ? "" : "?" + query));
    }

    private static HttpFields headers(HttpServletRequest request) {
        HttpFields.Builder fields = HttpFields.builder();
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                fields.add(name, value);
            }
        }
        return fields.build();
    }

    /**
     * Answers {@code problem} and stops the request. Which check failed, in particular whether the keyid is a
     * registered number, is not told to the client (docs/protocol.md §5.3), only logged at FINE.
     */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                               Problem problem, String reason) {
        LOG.fine(() -> "refused a signed request: " + reason);
        try {
            ProblemWriter.sendError(request, response, problem);
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the response is already under way: nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
