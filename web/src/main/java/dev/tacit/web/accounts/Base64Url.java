package dev.tacit.web.accounts;

import java.util.Base64;

import dev.tacit.server.accounts.InvalidAccountRequestException;

/** The binary encoding of the JSON API: base64url without padding (RFC 4648 §5). */
final class Base64Url {

    /** What Bean Validation accepts for a base64url member. */
    static final String PATTERN = "[A-Za-z0-9_-]*";

    private Base64Url() {
    }

    /** @throws InvalidAccountRequestException naming {@code field} if {@code encoded} is not base64url */
    static byte[] decode(String field, String encoded) {
        try {
            return Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidAccountRequestException(field, "not base64url without padding");
        }
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
