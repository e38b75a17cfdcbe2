package dev.tacit.web.accounts;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.accounts.InvalidAccountRequestException;

/** Decodes a binary member of an account request, naming the member when it is not canonical base64url. */
final class BinaryMember {

    private BinaryMember() {
    }

    /** @throws InvalidAccountRequestException naming {@code field} if {@code encoded} is not canonical base64url */
    static byte[] decode(String field, String encoded) {
        try {
            return Base64Url.decode(encoded);
        } catch (MalformedEncodingException e) {
            throw new InvalidAccountRequestException(field, "not canonical base64url without padding");
        }
    }
}
