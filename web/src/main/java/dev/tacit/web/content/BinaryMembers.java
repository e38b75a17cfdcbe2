package dev.tacit.web.content;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;

/**
 * Decodes the binary members of a kind of JSON request (canonical base64url without padding, docs/protocol.md §4),
 * refusing one that is not with that kind's own problem, which names the member. A resource keeps one, e.g.
 * {@code BinaryMembers.refusedWith(InvalidMessageRequestException::new)}.
 */
public final class BinaryMembers {

    /** Makes the request's own exception for a member that is not canonical base64url. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException of(String field, String detail);
    }

    static final String NOT_BASE64URL = "not canonical base64url without padding";

    private final Refusal refusal;

    private BinaryMembers(Refusal refusal) {
        this.refusal = refusal;
    }

    /** Members whose malformed encodings are refused with {@code refusal}. */
    public static BinaryMembers refusedWith(Refusal refusal) {
        return new BinaryMembers(refusal);
    }

    /** @throws RuntimeException made by the refusal, naming {@code field}, if {@code encoded} does not decode */
    public byte[] decode(String field, String encoded) {
        try {
            return Base64Url.decode(encoded);
        } catch (MalformedEncodingException e) {
            throw refusal.of(field, NOT_BASE64URL);
        }
    }
}
