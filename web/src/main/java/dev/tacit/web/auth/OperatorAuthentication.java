package dev.tacit.web.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import dev.tacit.web.problem.Incidents;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.ProblemWriter;

import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * Authenticates the operator's requests ({@code /v1/operator/*}) by HTTP Basic credentials (RFC 7617), which the
 * web module's WildFly Elytron security domain checks: its realm {@code tacit-operators}, a filesystem realm
 * configure-tacit.cli sets up and the operator fills (README, "Operating the batch jobs"). An identity of the
 * realm with the role {@link #ROLE} becomes the caller, with that role; any other outcome is 401 with a Basic
 * challenge. Account signatures are not this class's business: {@link SignedRequestMechanism} authenticates a
 * signed request as its account, which holds no operator role, so web.xml's constraint refuses it (403).
 *
 * <p>Nothing of the credentials is logged; a refusal is logged at FINE without the name.
 */
@ApplicationScoped
public class OperatorAuthentication {

    /** Where the operator's resources live. */
    static final String PATH_PREFIX = "/v1/operator/";

    /** The role the realm must give an identity for it to operate (web.xml's constraint on {@link #PATH_PREFIX}). */
    public static final String ROLE = "tacit-operator";

    static final String CHALLENGE = "Basic realm=\"Tacit operator\", charset=\"UTF-8\"";

    private static final Logger LOG = Logger.getLogger(OperatorAuthentication.class.getName());

    static boolean isOperatorPath(HttpServletRequest request) {
        return request.getRequestURI().startsWith(PATH_PREFIX);
    }

    AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return challenge(request, response, "no Basic credentials");
        }
        char[] decoded;
        try {
            decoded = utf8(Base64.getDecoder().decode(authorization.substring(6).strip()));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return challenge(request, response, "malformed Basic credentials");
        }
        int colon = indexOf(decoded, ':');
        if (colon < 1) {
            Arrays.fill(decoded, '\0');
            return challenge(request, response, "malformed Basic credentials");
        }
        String name = new String(decoded, 0, colon);
        PasswordGuessEvidence password = new PasswordGuessEvidence(Arrays.copyOfRange(decoded, colon + 1, decoded.length));
        Arrays.fill(decoded, '\0');
        try {
            SecurityDomain domain = SecurityDomain.getCurrent();
            if (domain == null) {
                throw new IllegalStateException("the web module has no Elytron security domain; run configure-tacit.cli");
            }
            SecurityIdentity identity = domain.authenticate(name, password);
            if (!identity.getRoles().contains(ROLE)) {
                return challenge(request, response, "an identity without the operator role");
            }
            return context.notifyContainerAboutLogin(new CredentialValidationResult(name, Set.of(ROLE)));
        } catch (SecurityException e) {
            return challenge(request, response, "wrong operator credentials");
        } catch (RealmUnavailableException | RuntimeException e) {
            return refuse(request, response, Incidents.report(e));
        } finally {
            password.destroy();
        }
    }

    private static AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
                                                  String reason) {
        LOG.fine(() -> "refused an operator request: " + reason);
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return refuse(request, response, Problem.ofType("operator-unauthenticated", "Operator unauthenticated",
                Response.Status.UNAUTHORIZED,
                "The operator's resources need the operator's credentials (HTTP Basic)."));
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                               Problem problem) {
        try {
            ProblemWriter.sendError(request, response, problem);
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the response is already under way: nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static char[] utf8(byte[] bytes) throws CharacterCodingException {
        CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
        char[] result = new char[chars.remaining()];
        chars.get(result);
        Arrays.fill(bytes, (byte) 0);
        return result;
    }

    private static int indexOf(char[] chars, char wanted) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
