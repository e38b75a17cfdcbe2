package dev.tacit.http.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * RFC 9530 {@code Content-Digest} as Tacit uses it: exactly one member, {@code sha-256}, a byte sequence
 * of 32 bytes.
 */
final class ContentDigest {

    static final String FIELD = "content-digest";
    static final String ALGORITHM = "sha-256";
    private static final int SHA256_LENGTH = 32;

    private ContentDigest() {
    }

    /** The field value for {@code body}: {@code sha-256=:<base64>:}. */
    static String of(byte[] body) {
        return StructuredFieldSerializer.dictionary(Map.of(ALGORITHM, SfItem.of(new BareItem.SfBytes(sha256(body)))));
    }

    /** Checks that {@code fieldValue} is exactly a SHA-256 digest of {@code body}. */
    static void verify(String fieldValue, byte[] body) throws MalformedSignatureHeaderException, ContentDigestMismatchException {
        Map<String, SfMember> members = StructuredFieldParser.parseDictionary(fieldValue, "Content-Digest");
        if (members.size() != 1 || !(members.get(ALGORITHM) instanceof SfItem item)
                || !(item.value() instanceof BareItem.SfBytes digest) || !item.parameters().isEmpty()) {
            throw new MalformedSignatureHeaderException("Content-Digest must be exactly one sha-256 byte sequence");
        }
        byte[] claimed = digest.value();
        if (claimed.length != SHA256_LENGTH) {
            throw new MalformedSignatureHeaderException("Content-Digest sha-256 is not 32 bytes");
        }
        if (!MessageDigest.isEqual(claimed, sha256(body))) {
            throw new ContentDigestMismatchException("Content-Digest does not match the body");
        }
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
