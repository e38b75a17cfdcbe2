package dev.tacit.crypto.token;

import dev.tacit.crypto.MalformedEncodingException;

/** Reads the fixed-layout token messages, checking the total length first so each field read is in bounds. */
final class WireReader {

    private final byte[] data;
    private final String what;
    private int position;

    /** For messages of exactly {@code length} bytes. */
    WireReader(byte[] data, int length, String what) throws MalformedEncodingException {
        if (data.length != length) {
            throw new MalformedEncodingException("a " + what + " is " + length + " bytes, not " + data.length);
        }
        this.data = data;
        this.what = what;
    }

    /** For variable-length structures whose fields are read with bounds checks. */
    WireReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    void expectTokenType() throws MalformedEncodingException {
        int type = uint16();
        if (type != TokenFormat.TOKEN_TYPE) {
            throw new UnsupportedTokenTypeException(String.format("%s has token_type 0x%04x; only 0x%04x is supported",
                    what, type, TokenFormat.TOKEN_TYPE));
        }
    }

    int uint8() throws MalformedEncodingException {
        require(1);
        return data[position++] & 0xff;
    }

    int uint16() throws MalformedEncodingException {
        require(2);
        int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    byte[] bytes(int length) throws MalformedEncodingException {
        require(length);
        byte[] out = java.util.Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    void expectEnd() throws MalformedEncodingException {
        if (position != data.length) {
            throw new MalformedEncodingException("a " + what + " has " + (data.length - position) + " trailing bytes");
        }
    }

    private void require(int length) throws MalformedEncodingException {
        if (data.length - position < length) {
            throw new MalformedEncodingException("a " + what + " ends early");
        }
    }
}
