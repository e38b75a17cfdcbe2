package dev.tacit.crypto.identity;

import java.nio.charset.StandardCharsets;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * What a signed X25519 key is for. Each purpose has its own signature label, so a signature over an
 * envelope key can never be passed off as one over a ratchet pre-key (domain separation).
 */
public enum KeyPurpose {
    /** The X3DH-style signed pre-key that starts a Double Ratchet session. */
    RATCHET_PRE_KEY(1, "tacit/v1/signed-pre-key"),
    /** The HPKE key that sealed envelopes are addressed to. */
    ENVELOPE_KEY(2, "tacit/v1/envelope-key");

    private final int code;
    private final String label;

    KeyPurpose(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The ASCII label prefixed to the signed data. */
    public byte[] label() {
        return label.getBytes(StandardCharsets.US_ASCII);
    }

    static KeyPurpose fromCode(int code) throws MalformedEncodingException {
        for (KeyPurpose purpose : values()) {
            if (purpose.code == code) {
                return purpose;
            }
        }
        throw new MalformedEncodingException("unknown key purpose " + code);
    }
}
