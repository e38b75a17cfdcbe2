package dev.tacit.crypto.wire;

import java.util.Base64;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * The text form of binary values in the HTTP API (docs/protocol.md §4): base64url (RFC 4648 §5), accepted
 * only in its one canonical form. Decoding rejects anything the encoder would not have written: characters
 * outside the alphabet (including {@code +}, {@code /}, whitespace and line breaks), a length no encoding has,
 * set bits in the unused low bits of the last character, and padding where there is none (or its absence
 * where there is). So each byte string has exactly one accepted text, and a value cannot be re-encoded into
 * a second, different-looking token.
 *
 * <p>Without padding everywhere, except the RFC 9578 issuer directory's {@code token-key}, which that RFC
 * writes with padding ({@link #encodePadded}, {@link #decodePadded}).
 */
public final class Base64Url {

    /** The alphabet without padding, for a Bean Validation {@code @Pattern} in front of {@link #decode}. */
    public static final String PATTERN = "[A-Za-z0-9_-]*";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Encoder PADDED_ENCODER = Base64.getUrlEncoder();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    /** Base64url without padding. */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Base64url with padding to a multiple of four characters (RFC 9578's {@code token-key}). */
    public static String encodePadded(byte[] bytes) {
        return PADDED_ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes canonical base64url without padding.
     *
     * @throws MalformedEncodingException if {@code text} is not exactly what {@link #encode} writes for some bytes
     */
    public static byte[] decode(String text) throws MalformedEncodingException {
        if (text == null) {
            throw new MalformedEncodingException("base64url: no text");
        }
        requireCanonical(text, text.length());
        return DECODER.decode(text);
    }

    /**
     * Decodes canonical base64url with padding.
     *
     * @throws MalformedEncodingException if {@code text} is not exactly what {@link #encodePadded} writes for
     *         some bytes
     */
    public static byte[] decodePadded(String text) throws MalformedEncodingException {
        if (text == null) {
            throw new MalformedEncodingException("base64url: no text");
        }
        if (text.length() % 4 != 0) {
            throw new MalformedEncodingException("base64url: padded text must have a multiple of four characters");
        }
        int dataLength = text.length();
        while (dataLength > 0 && text.length() - dataLength < 2 && text.charAt(dataLength - 1) == '=') {
            dataLength--;
        }
        int padding = text.length() - dataLength;
        // Two '=' follow a 2-character remainder, one follows a 3-character remainder, none a full group.
        if (padding != (4 - dataLength % 4) % 4) {
            throw new MalformedEncodingException("base64url: wrong padding");
        }
        requireCanonical(text, dataLength);
        return DECODER.decode(text);
    }

    /** Checks the first {@code length} characters of {@code text} as unpadded canonical base64url. */
    private static void requireCanonical(String text, int length) throws MalformedEncodingException {
        if (length % 4 == 1) {
            throw new MalformedEncodingException("base64url: no encoding has this length");
        }
        int last = 0;
        for (int i = 0; i < length; i++) {
            last = value(text.charAt(i));
            if (last < 0) {
                throw new MalformedEncodingException("base64url: a character outside the alphabet at position " + i);
            }
        }
        // The last character of a 2- or 3-character group carries 4 or 2 bits that encode nothing: they must be 0.
        int unusedBits = switch (length % 4) {
            case 2 -> 0b1111;
            case 3 -> 0b11;
            default -> 0;
        };
        if ((last & unusedBits) != 0) {
            throw new MalformedEncodingException("base64url: not the canonical encoding (unused bits are set)");
        }
    }

    /** The 6-bit value of a base64url character, or -1. */
    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        if (c == '_') {
            return 63;
        }
        return -1;
    }
}
