package dev.tacit.web.discovery;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.discovery.InvalidDiscoveryRequestException;

/** Decodes binary members of discovery requests, naming the member when one is not canonical base64url. */
final class DiscoveryMembers {

    private DiscoveryMembers() {
    }

    /** @throws InvalidDiscoveryRequestException naming {@code field} if {@code encoded} is not canonical base64url */
    static byte[] decode(String field, String encoded) {
        try {
            return Base64Url.decode(encoded);
        } catch (MalformedEncodingException e) {
            throw new InvalidDiscoveryRequestException(field, "not canonical base64url without padding");
        }
    }
}
