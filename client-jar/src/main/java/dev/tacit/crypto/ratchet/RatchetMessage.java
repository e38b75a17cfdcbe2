package dev.tacit.crypto.ratchet;

import java.util.Arrays;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.AgreementPublicKey;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * One Double Ratchet message: {@code 0x01 || ratchet_key(32) || pn(u32) || n(u32) || ciphertext}, where the
 * ChaCha20-Poly1305 ciphertext (with its 16-byte tag) authenticates {@code session_ad || 0x01 || header}.
 */
public final class RatchetMessage {

    public static final int VERSION = 1;
    /** The longest ciphertext accepted: an envelope never carries more. */
    public static final int MAX_CIPHERTEXT = 65536;

    private final RatchetHeader header;
    private final byte[] ciphertext;

    RatchetMessage(RatchetHeader header, byte[] ciphertext) {
        this.header = header;
        this.ciphertext = ciphertext;
    }

    public static RatchetMessage fromBytes(byte[] encoded) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(encoded, "RatchetMessage");
        in.expectVersion(VERSION);
        AgreementPublicKey key = AgreementPublicKey.fromBytes(in.readFixed(AgreementPublicKey.LENGTH));
        long pn = in.readUnsignedInt(0xffffffffL);
        long n = in.readUnsignedInt(0xffffffffL);
        byte[] ciphertext = in.readRemaining(RatchetKdf.TAG_LENGTH);
        if (ciphertext.length > MAX_CIPHERTEXT) {
            throw new MalformedEncodingException("ratchet ciphertext longer than " + MAX_CIPHERTEXT);
        }
        return new RatchetMessage(new RatchetHeader(key, pn, n), ciphertext);
    }

    public byte[] toBytes() {
        return new FieldWriter().writeFixed(headerBytes()).writeFixed(ciphertext).toByteArray();
    }

    /** The authenticated prefix: version and header. */
    byte[] headerBytes() {
        return new FieldWriter().writeByte(VERSION).writeFixed(header.toBytes()).toByteArray();
    }

    RatchetHeader header() {
        return header;
    }

    byte[] ciphertext() {
        return ciphertext;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RatchetMessage && Arrays.equals(toBytes(), ((RatchetMessage) other).toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "RatchetMessage[n=" + header.messageNumber + ", pn=" + header.previousChainLength + ", " + ciphertext.length + " bytes]";
    }
}
