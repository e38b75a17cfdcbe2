package dev.tacit.web.tokens;

import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import dev.tacit.crypto.token.TokenFormat;
import dev.tacit.server.tokens.TokenIssuerKeys;

/**
 * {@code GET /.well-known/private-token-issuer-directory}: the token-issuer keys in the Privacy Pass issuer
 * directory format of RFC 9578 §4. Anonymous.
 */
@Path("private-token-issuer-directory")
@RequestScoped
public class TokenIssuerDirectoryResource {

    static final String MEDIA_TYPE = "application/private-token-issuer-directory";
    /** Tokens are issued only at account creation. */
    static final String ISSUER_REQUEST_URI = "/v1/accounts";

    @Inject
    TokenIssuerKeys keys;

    /** The media type is not a +json one, so the runtime's JSON-B provider does not claim it. */
    private static final Jsonb JSON = JsonbBuilder.create();

    @GET
    @Produces(MEDIA_TYPE)
    public String directory() {
        List<TokenKey> tokenKeys = keys.published().stream()
                .map(key -> new TokenKey(TokenFormat.TOKEN_TYPE,
                        Base64.getUrlEncoder().encodeToString(key.publicKey().encode()),
                        key.signsFrom().getEpochSecond()))
                .toList();
        return JSON.toJson(new IssuerDirectory(ISSUER_REQUEST_URI, tokenKeys));
    }

    /** The directory document of RFC 9578 §4. */
    public record IssuerDirectory(
            @JsonbProperty("issuer-request-uri") String issuerRequestUri,
            @JsonbProperty("token-keys") List<TokenKey> tokenKeys) {
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
