package dev.tacit.http.signature;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.encoders.Hex;

/** An Ed25519 verification against a fixed public key whose result is ignored, to equalise timing. */
final class DecoyVerification {

    /** RFC 8032 §7.1 TEST 1 public key; any valid point will do, since the result is thrown away. */
    private static final byte[] DECOY_PUBLIC_KEY = Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    private DecoyVerification() {
    }

    static void verify(byte[] signatureBase, byte[] signature) {
        Ed25519.verify(signature, 0, DECOY_PUBLIC_KEY, 0, signatureBase, 0, signatureBase.length);
    }
}
