package dev.tacit.client.state;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;

/** The server's random 16-byte ids (message ids, token handles, docs/protocol.md §4.12, §4.13) in their stored form. */
final class RandomIds {

    /** The length of a message id or token handle. */
    static final int BYTES = 16;

    private RandomIds() {
    }

    /** The bytes of {@code id}, base64url of 16 bytes. */
    static byte[] bytes(String id, String what) {
        try {
            byte[] bytes = Base64Url.decode(id);
            if (bytes.length == BYTES) {
                return bytes;
            }
        } catch (MalformedEncodingException e) {
            // said below
        }
        throw new IllegalArgumentException(what + " is not 16 bytes in base64url");
    }
}
