package dev.tacit.web.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import dev.tacit.crypto.CryptoException;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestVerifier;
import dev.tacit.http.signature.VerifiedRequest;
import dev.tacit.server.accounts.AccountService;
import dev.tacit.server.auth.RequestNonces;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.UnexpectedExceptionMapper;

/**
 * Authenticates account-scoped requests (those under a security constraint, {@code /v1/account/*}) by their
 * RFC 9421 signature (docs/protocol.md §5): the caller becomes the account whose identity key signed.
 * Anything else, from a missing header to a replayed nonce, is the same 401 problem, and
 * the request goes no further. A registration ({@code POST /v1/accounts}) is anonymous but may be signed, by
 * an account re-registering with its current key (§4.7): it is then authenticated the same way. Other
 * requests pass untouched. Each authenticated request counts as the account's activity (registration lock).
 */
@ApplicationScoped
public class SignedRequestMechanism implements HttpAuthenticationMechanism {

    /** Request bodies of account-scoped calls are small JSON documents. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** Where clients register (docs/protocol.md §4.7); a signed registration is an account's re-registration. */
    static final String REGISTRATION_PATH = "/v1/accounts";

    private static final Logger LOG = Logger.getLogger(SignedRequestMechanism.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final byte[] UNAUTHENTICATED = JSON.toJson(Problem.ofType("unauthenticated", "Unauthenticated",
            Response.Status.UNAUTHORIZED, "The request is not signed by a registered account, or its signature"
                    + " is invalid or not fresh.")).getBytes(StandardCharsets.UTF_8);

    @Inject
    AccountService accounts;

    @Inject
    RequestNonces nonces;

    @Inject
    Clock clock;

    @Inject
    TacitSettings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!context.isProtected() && !isSignedRegistration(request)) {
            return context.doNothing();
        }
        try {
            byte[] body = readBody(request);
            SignedRequestBody.keep(request, body);
            RequestVerifier verifier = new RequestVerifier(
                    keyId -> accounts.identityKey(keyId).map(AccountRequestKeys::verificationKey),
                    clock, RequestVerifier.DEFAULT_FRESHNESS_WINDOW);
            VerifiedRequest verified = verifier.verify(HttpRequestParts.of(request.getMethod(), targetUri(request),
                    headers(request), body));
            if (!nonces.firstUse(verified.keyId(), verified.nonce(), verified.created(), verified.acceptedUntil())) {
                return unauthorized(response, "the nonce was used before");
            }
            accounts.recordActivity(verified.keyId());
            return context.notifyContainerAboutLogin(new CredentialValidationResult(verified.keyId()));
        } catch (CryptoException | IllegalArgumentException e) {
            return unauthorized(response, e.getMessage());
        } catch (BodyTooLargeException e) {
            return unauthorized(response, "the content is larger than " + MAX_BODY_BYTES + " bytes");
        } catch (IOException e) {
            return unauthorized(response, "the content could not be read");
        } catch (RuntimeException e) {
            // A failure of the server (its database, say), not of the request: a 500 problem, as the API's own.
            return respond(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    JSON.toJson(UnexpectedExceptionMapper.incident(e)).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A registration that carries a signature: the account re-registering with its current key (§4.7). */
    private static boolean isSignedRegistration(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && REGISTRATION_PATH.equals(request.getRequestURI())
                && (request.getHeader("Signature-Input") != null || request.getHeader("Signature") != null);
    }

    private URI targetUri(HttpServletRequest request) {
        String query = request.getQueryString();
        // What clients sign as @authority is the origin they reach this server at, perhaps through a proxy.
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

    private static byte[] readBody(HttpServletRequest request) throws IOException, BodyTooLargeException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
            return body;
        }
    }

    /**
     * The one answer to every failure (docs/protocol.md §5.3): which check failed, in particular whether the
     * keyid is a registered number, is not told to the client, only logged at FINE.
     */
    private static AuthenticationStatus unauthorized(HttpServletResponse response, String reason) {
        LOG.fine(() -> "refused a request signature: " + reason);
        return respond(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHENTICATED);
    }

    /** Answers with a problem document, and no further: the request does not reach the application. */
    private static AuthenticationStatus respond(HttpServletResponse response, int status, byte[] problem) {
        try {
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.getOutputStream().write(problem); // JSON is UTF-8
            response.flushBuffer(); // committed: the container cannot swap in its HTML error page
        } catch (IOException e) {
            // the client has gone; nothing to tell it
        }
        // SEND_CONTINUE: the response is complete as written; SEND_FAILURE would let the container replace
        // the problem document with its own HTML error page.
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static final class BodyTooLargeException extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
