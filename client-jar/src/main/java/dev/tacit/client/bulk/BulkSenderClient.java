package dev.tacit.client.bulk;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ServerAnswers;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.bulk.BulkSenderProof;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.http.signature.RequestSigner;

/**
 * The calls of a bulk sender (docs/protocol.md §4.26–§4.28), each signed by the account over the direct
 * transport: the server knows who asks anyway. A refusal with a bulk-sender problem type is a
 * {@link BulkSenderRefusedException} naming the reason.
 */
public final class BulkSenderClient {

    static final String CHALLENGE = "/v1/account/bulk-sender/challenge";
    static final String PROOF = "/v1/account/bulk-sender/proof";
    static final String TOKENS = "/v1/account/bulk-sender/tokens";

    /** The most token requests one request may carry (§4.28). */
    public static final int MAX_PER_REQUEST = 100;

    private final DirectTransport direct;
    private final RequestSigner signer;
    private final PhoneNumber account;

    public BulkSenderClient(DirectTransport direct, RequestSigner signer, PhoneNumber account) {
        this.direct = direct;
        this.signer = signer;
        this.account = account;
    }

    /** A fresh challenge of the server for this account (§4.26). */
    public byte[] challenge() throws TacitClientException {
        JsonObject answer = call(CHALLENGE, null);
        try {
            return ServerAnswers.fromBase64Url(answer.getString("challenge"));
        } catch (RuntimeException e) {
            throw new ServerUnreachableException("the server's challenge is malformed", e);
        }
    }

    /**
     * Proves that this account holds {@code key}, the private key of {@code chain}'s leaf (§4.27): fetches a
     * challenge, signs it with the key's scheme, and sends the proof with the chain.
     *
     * @param chain the certificate chain, leaf first, up to (and perhaps with) the root
     * @throws IllegalArgumentException    if {@code key} is of a kind no proof scheme covers, or the chain is empty
     * @throws BulkSenderRefusedException naming why the server refused
     */
    public BulkSenderGrant prove(List<X509Certificate> chain, PrivateKey key, SecureRandom random)
            throws TacitClientException {
        byte[] challenge = challenge();
        return prove(chain, challenge, sign(key, challenge, random));
    }

    /** Sends a proof with a signature made elsewhere: {@code signature} over {@link BulkSenderProof#signedBytes}. */
    public BulkSenderGrant prove(List<X509Certificate> chain, byte[] challenge, byte[] signature)
            throws TacitClientException {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least its leaf");
        }
        JsonArrayBuilder certificates = Json.createArrayBuilder();
        try {
            for (X509Certificate certificate : chain) {
                certificates.add(Base64Url.encode(certificate.getEncoded()));
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("a certificate of the chain does not encode", e);
        }
        JsonObject answer = call(PROOF, Json.createObjectBuilder()
                .add("challenge", Base64Url.encode(challenge))
                .add("certificateChain", certificates)
                .add("signature", Base64Url.encode(signature)).build());
        return grant(answer);
    }

    /** This account's signature of the proof for {@code challenge} with {@code key}. */
    public byte[] sign(PrivateKey key, byte[] challenge, SecureRandom random) {
        try {
            return BulkSenderProof.sign(key, account, challenge, random);
        } catch (MalformedEncodingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Sends {@code pending} (1 to {@value #MAX_PER_REQUEST}, blinded for the first-contact key that signs now) and
     * finalises the answers (§4.28): the server signs as many, in order, as the grant has left of the period.
     *
     * @throws dev.tacit.client.RateLimitedException once the period's allowance is spent
     * @throws BulkSenderRefusedException           without a grant in force
     */
    public ObtainedTokens obtain(List<PendingToken> pending) throws TacitClientException {
        JsonArrayBuilder requests = Json.createArrayBuilder();
        pending.forEach(token -> requests.add(Base64Url.encode(token.request().encode())));
        JsonObject answer = call(TOKENS, Json.createObjectBuilder().add("tokenRequests", requests).build());
        return new ObtainedTokens(ServerAnswers.finalizedTokens(answer, pending),
                ServerAnswers.instant(answer, "periodEnd"));
    }

    private JsonObject call(String path, JsonObject body) throws TacitClientException {
        try {
            return direct.signed("POST", path, body, signer);
        } catch (ProblemResponseException e) {
            throw BulkSenderRefusedException.of(e);
        }
    }

    /** Reads a grant as §4.27 answers it (the operator's listing, §6.3, has the same members). */
    public static BulkSenderGrant grant(JsonObject answer) throws ServerUnreachableException {
        try {
            JsonValue revoked = answer.get("revokedAt");
            return new BulkSenderGrant(answer.getString("certificateSha256"), answer.getString("subject"),
                    answer.getString("issuer"), Instant.parse(answer.getString("notAfter")),
                    Instant.parse(answer.getString("grantedAt")), revoked == null || revoked == JsonValue.NULL
                            ? Optional.empty() : Optional.of(Instant.parse(((JsonString) revoked).getString())));
        } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new ServerUnreachableException("the server's bulk-sender grant is malformed", e);
        }
    }

    /** Tokens of one request, and when the period's allowance starts afresh. */
    public record ObtainedTokens(List<Token> tokens, Instant periodEnd) {
        public ObtainedTokens {
            tokens = List.copyOf(tokens);
        }
    }
}
