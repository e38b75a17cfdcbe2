package dev.tacit.crypto.envelope;

import java.util.List;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * Pads envelope plaintexts to a few size buckets so the ciphertext length reveals only the bucket. Padding is
 * ISO/IEC 7816-4: one {@code 0x80} byte, then zeros up to the smallest bucket that holds the plaintext plus
 * that marker. Buckets are the powers of two from 512 to 65536 bytes.
 */
public final class EnvelopePadding {

    /** The padded sizes, smallest first. */
    public static final List<Integer> BUCKETS = List.of(512, 1024, 2048, 4096, 8192, 16384, 32768, 65536);
    /** The longest plaintext that fits the largest bucket. */
    public static final int MAX_PLAINTEXT = 65535;

    private static final byte MARKER = (byte) 0x80;

    private EnvelopePadding() {
    }

    /** The bucket {@code plaintextLength} bytes are padded to. */
    public static int paddedLength(int plaintextLength) {
        for (int bucket : BUCKETS) {
            if (plaintextLength < bucket) {
                return bucket;
            }
        }
        throw new IllegalArgumentException("plaintext of " + plaintextLength + " bytes exceeds " + MAX_PLAINTEXT);
    }

    public static byte[] pad(byte[] plaintext) {
        byte[] padded = new byte[paddedLength(plaintext.length)];
        System.arraycopy(plaintext, 0, padded, 0, plaintext.length);
        padded[plaintext.length] = MARKER;
        return padded;
    }

    /** Strips the padding, rejecting lengths that are not a bucket and anything but {@code 0x80 0x00*} at the end. */
    public static byte[] unpad(byte[] padded) throws MalformedEncodingException {
        if (!BUCKETS.contains(padded.length)) {
            throw new MalformedEncodingException("padded length " + padded.length + " is not a bucket");
        }
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != MARKER) {
            throw new MalformedEncodingException("padding marker missing");
        }
        byte[] plaintext = new byte[end];
        System.arraycopy(padded, 0, plaintext, 0, end);
        return plaintext;
    }
}
