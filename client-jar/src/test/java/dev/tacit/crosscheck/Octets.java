package dev.tacit.crosscheck;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Byte-string helpers of the specifications: concatenation, I2OSP, OS2IP, hex. */
final class Octets {

    private Octets() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** I2OSP(x, n) of RFC 8017: n bytes, big endian; x must fit. */
    static byte[] i2osp(BigInteger x, int length) {
        byte[] magnitude = x.toByteArray();
        int start = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        int size = magnitude.length - start;
        if (x.signum() < 0 || size > length) {
            throw new IllegalArgumentException("integer does not fit in " + length + " bytes");
        }
        byte[] out = new byte[length];
        System.arraycopy(magnitude, start, out, length - size, size);
        return out;
    }

    static byte[] i2osp(long x, int length) {
        return i2osp(BigInteger.valueOf(x), length);
    }

    static BigInteger os2ip(byte[] bytes) {
        return new BigInteger(1, bytes);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }
}
