package dev.tacit.client;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenResponse;
import dev.tacit.crypto.wire.Base64Url;

/**
 * Reads members of a server's JSON answers strictly (docs/protocol.md §4): a member that is missing, of the
 * wrong type or not in its canonical encoding makes the answer a malformed response, a
 * {@link ServerUnreachableException}.
 */
public final class ServerAnswers {

    private ServerAnswers() {
    }

    /** Decodes a binary member: canonical base64url without padding. */
    public static byte[] fromBase64Url(String encoded) throws ServerUnreachableException {
        try {
            return Base64Url.decode(encoded);
        } catch (MalformedEncodingException e) {
            throw new ServerUnreachableException("the server sent a value that is not canonical base64url", e);
        }
    }

    /** Decodes a binary member written with padding, such as RFC 9578's {@code token-key}. */
    public static byte[] fromPaddedBase64Url(String encoded) throws ServerUnreachableException {
        try {
            return Base64Url.decodePadded(encoded);
        } catch (MalformedEncodingException e) {
            throw new ServerUnreachableException("the server sent a value that is not canonical padded base64url", e);
        }
    }

    /** A string member that must be there. */
    public static String string(JsonObject object, String name) throws ServerUnreachableException {
        try {
            return object.getString(name);
        } catch (NullPointerException | ClassCastException e) {
            throw new ServerUnreachableException("the server's answer lacks '" + name + "'", e);
        }
    }

    /** An instant member (RFC 3339) that must be there. */
    public static Instant instant(JsonObject object, String name) throws ServerUnreachableException {
        try {
            return Instant.parse(string(object, name));
        } catch (DateTimeParseException e) {
            throw new ServerUnreachableException("the server's '" + name + "' is not an instant", e);
        }
    }

    /**
     * The tokens of an answer's {@code tokenResponses} (§2.1.4), finalised against {@code pending} in order (§2.1.5
     * step 3): the blind signatures of the first requests, as many as the server signed, never more than were sent.
     *
     * @throws ServerUnreachableException if the member is missing or malformed, longer than {@code pending}, or a
     *                                    response does not verify
     */
    public static List<Token> finalizedTokens(JsonObject answer, List<PendingToken> pending)
            throws ServerUnreachableException {
        try {
            List<JsonValue> responses = answer.getJsonArray("tokenResponses");
            if (responses.size() > pending.size()) {
                throw new ServerUnreachableException("the server answered more token requests than were sent");
            }
            List<Token> tokens = new ArrayList<>(responses.size());
            for (int i = 0; i < responses.size(); i++) {
                tokens.add(pending.get(i).finalizeToken(TokenResponse.decode(
                        fromBase64Url(((JsonString) responses.get(i)).getString()))));
            }
            return tokens;
        } catch (CryptoException | ClassCastException | NullPointerException e) {
            throw new ServerUnreachableException("the server's token responses do not check out", e);
        }
    }
}
