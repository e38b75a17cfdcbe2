package dev.tacit.web.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tacit.crypto.token.TokenFormat;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.tokens.TokenIssuerKeys;
import dev.tacit.web.SharedJsonb;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.ProblemWriter;

/**
 * {@code GET /.well-known/private-token-issuer-directory}: the token-issuer keys in the Privacy Pass issuer
 * directory format of RFC 9578 §4 (docs/protocol.md §4.3). Anonymous. A servlet rather than a JAX-RS
 * resource: the well-known path lies outside the versioned API at {@code /v1}, which stays the one JAX-RS
 * application (and the one the OpenAPI document describes).
 */
@WebServlet(TokenIssuerDirectoryServlet.PATH)
public class TokenIssuerDirectoryServlet extends HttpServlet {

    static final String PATH = "/.well-known/private-token-issuer-directory";
    public static final String MEDIA_TYPE = "application/private-token-issuer-directory";
    /** Tokens are issued only at account creation. */
    static final String ISSUER_REQUEST_URI = "/v1/accounts";

    private static final long serialVersionUID = 1L;
    @Inject
    transient TokenIssuerKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<TokenKey> tokenKeys = keys.published().stream()
                .map(key -> new TokenKey(TokenFormat.TOKEN_TYPE,
                        Base64Url.encodePadded(key.publicKey().encode()),
                        key.signsFrom().getEpochSecond()))
                .toList();
        write(response, HttpServletResponse.SC_OK, MEDIA_TYPE, new IssuerDirectory(ISSUER_REQUEST_URI, tokenKeys).toJson());
    }

    /** Any method but GET and HEAD: 405 with problem details, like the JAX-RS API. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            super.service(request, response);
            return;
        }
        response.setHeader("Allow", "GET, HEAD");
        ProblemWriter.write(response, Problem.ofStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED));
    }

    private static void write(HttpServletResponse response, int status, String mediaType, String json)
            throws IOException {
        response.setStatus(status);
        response.setContentType(mediaType);
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The directory document of RFC 9578 §4. */
    public record IssuerDirectory(
            @JsonbProperty("issuer-request-uri") String issuerRequestUri,
            @JsonbProperty("token-keys") List<TokenKey> tokenKeys) {

        /** The document as JSON, which JAX-RS does not write by itself for the directory's media type. */
        public String toJson() {
            return SharedJsonb.JSONB.toJson(this);
        }
    }

    /**
     * One key: its token type, its SubjectPublicKeyInfo in base64url with padding, and from when (epoch
     * seconds) clients should use it; clients use the key with the latest {@code not-before} not in the future.
     */
    public record TokenKey(
            @JsonbProperty("token-type") int tokenType,
            @JsonbProperty("token-key") String tokenKey,
            @JsonbProperty("not-before") long notBefore) {
    }
}
