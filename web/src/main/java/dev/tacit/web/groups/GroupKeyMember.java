package dev.tacit.web.groups;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.accounts.InvalidGroupKeyRequestException;

/** Decodes a binary member of a group-key request, naming the member when it is not canonical base64url. */
final class GroupKeyMember {

    private GroupKeyMember() {
    }

    /** @throws InvalidGroupKeyRequestException naming {@code field} if {@code encoded} is not canonical base64url */
    static byte[] decode(String field, String encoded) {
        try {
            return Base64Url.decode(encoded);
        } catch (MalformedEncodingException e) {
            throw new InvalidGroupKeyRequestException(field, "not canonical base64url without padding");
        }
    }
}
