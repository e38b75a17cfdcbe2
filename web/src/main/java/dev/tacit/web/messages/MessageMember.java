package dev.tacit.web.messages;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.messages.InvalidMessageRequestException;

/** Decodes a binary member of a messaging request, naming the member when it is not canonical base64url. */
final class MessageMember {

    private MessageMember() {
    }

    /** @throws InvalidMessageRequestException naming {@code field} if {@code encoded} is not canonical base64url */
    static byte[] decode(String field, String encoded) {
        try {
            return Base64Url.decode(encoded);
        } catch (MalformedEncodingException e) {
            throw new InvalidMessageRequestException(field, "not canonical base64url without padding");
        }
    }
}
