package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * {@code expand_message_xmd} with SHA-256 (RFC 9380 §5.3.1) and the {@code hash_to_field} reduction into the
 * BLS12-381 scalar field (RFC 9380 §5.2 with m = 1, L = 48).
 */
final class ExpandMessageXmd {

    private static final int HASH_BYTES = 32;
    private static final int BLOCK_BYTES = 64;
    /** L = ceil((ceil(log2(r)) + k) / 8) with k = 128. */
    static final int SCALAR_EXPANSION_BYTES = 48;

    private ExpandMessageXmd() {
    }

    /** {@code expand_message_xmd(msg, DST, len_in_bytes)} with H = SHA-256. */
    static byte[] expand(byte[] message, String domainSeparationTag, int lengthInBytes) {
        byte[] dst = domainSeparationTag.getBytes(StandardCharsets.US_ASCII);
        // Our tags are short; the RFC's hashing of tags over 255 bytes is not needed.
        if (dst.length == 0 || dst.length > 255) {
            throw new IllegalArgumentException("domain separation tag must be 1..255 bytes");
        }
        int blocks = (lengthInBytes + HASH_BYTES - 1) / HASH_BYTES;
        if (lengthInBytes <= 0 || blocks > 255 || lengthInBytes > 65535) {
            throw new IllegalArgumentException("requested length out of range: " + lengthInBytes);
        }
        byte[] dstPrime = Arrays.copyOf(dst, dst.length + 1);
        dstPrime[dst.length] = (byte) dst.length;

        MessageDigest sha256 = sha256();
        sha256.update(new byte[BLOCK_BYTES]);
        sha256.update(message);
        sha256.update(new byte[] {(byte) (lengthInBytes >>> 8), (byte) lengthInBytes, 0});
        sha256.update(dstPrime);
        byte[] b0 = sha256.digest();

        byte[] out = new byte[blocks * HASH_BYTES];
        byte[] previous = new byte[HASH_BYTES];
        for (int i = 1; i <= blocks; i++) {
            byte[] chained = new byte[HASH_BYTES];
            for (int k = 0; k < HASH_BYTES; k++) {
                chained[k] = (byte) (b0[k] ^ (i == 1 ? 0 : previous[k]));
            }
            sha256.update(chained);
            sha256.update((byte) i);
            sha256.update(dstPrime);
            previous = sha256.digest();
            System.arraycopy(previous, 0, out, (i - 1) * HASH_BYTES, HASH_BYTES);
        }
        return Arrays.copyOf(out, lengthInBytes);
    }

    /** {@code hash_to_field(msg, 1)} for the scalar field: OS2IP(expand_message_xmd(msg, DST, 48)) mod r. */
    static BigInteger hashToScalar(byte[] message, String domainSeparationTag) {
        return new BigInteger(1, expand(message, domainSeparationTag, SCALAR_EXPANSION_BYTES)).mod(Bls12381.R);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
