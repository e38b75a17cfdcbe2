package dev.tacit.crosscheck;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** expand_message_xmd with SHA-256 (RFC 9380 §5.3.1) on the JDK's SHA-256, and hash_to_scalar of docs/protocol.md §2.2.1. */
final class Xmd {

    private static final int B_IN_BYTES = 32;
    private static final int S_IN_BYTES = 64;

    private Xmd() {
    }

    static byte[] expand(byte[] message, String dst, int length) throws GeneralSecurityException {
        byte[] dstPrime = Octets.concat(Octets.ascii(dst), Octets.i2osp(dst.length(), 1));
        int ell = (length + B_IN_BYTES - 1) / B_IN_BYTES;
        if (ell > 255 || length > 65535 || dst.length() > 255) {
            throw new IllegalArgumentException("expand_message_xmd parameters out of range");
        }
        byte[] b0 = sha256(Octets.concat(new byte[S_IN_BYTES], message, Octets.i2osp(length, 2), new byte[1], dstPrime));
        byte[] previous = sha256(Octets.concat(b0, new byte[] {1}, dstPrime));
        byte[] uniform = previous;
        for (int i = 2; i <= ell; i++) {
            byte[] xored = new byte[B_IN_BYTES];
            for (int j = 0; j < B_IN_BYTES; j++) {
                xored[j] = (byte) (b0[j] ^ previous[j]);
            }
            previous = sha256(Octets.concat(xored, new byte[] {(byte) i}, dstPrime));
            uniform = Octets.concat(uniform, previous);
        }
        return Octets.slice(uniform, 0, length);
    }

    /** OS2IP(expand_message_xmd(msg, DST, 48)) mod r. */
    static BigInteger hashToScalar(byte[] message, String dst, BigInteger order) throws GeneralSecurityException {
        return Octets.os2ip(expand(message, dst, 48)).mod(order);
    }

    private static byte[] sha256(byte[] input) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256", "SUN").digest(input);
    }
}
