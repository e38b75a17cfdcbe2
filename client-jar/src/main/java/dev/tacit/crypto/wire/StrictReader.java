package dev.tacit.crypto.wire;

import java.util.Arrays;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * Reads a wire encoding front to back and rejects anything that does not fit exactly: reads past the end,
 * length prefixes above their field's limit, and (through {@link #finish()}) trailing bytes.
 */
public final class StrictReader {

    private final byte[] data;
    private final String what;
    private int position;

    private StrictReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    /** A reader over {@code data}; {@code what} names the decoded type in error messages. */
    public static StrictReader of(byte[] data, String what) throws MalformedEncodingException {
        if (data == null) {
            throw new MalformedEncodingException(what + ": no bytes");
        }
        return new StrictReader(data, what);
    }

    /** A reader over {@code data}, which must be exactly {@code length} bytes (fixed-layout messages). */
    public static StrictReader ofLength(byte[] data, int length, String what) throws MalformedEncodingException {
        StrictReader reader = of(data, what);
        if (data.length != length) {
            throw new MalformedEncodingException(what + " is " + length + " bytes, not " + data.length);
        }
        return reader;
    }

    /** Reads the version byte and rejects any other value than {@code expected}. */
    public void expectVersion(int expected) throws MalformedEncodingException {
        int version = readUnsignedByte();
        if (version != expected) {
            throw new MalformedEncodingException(what + ": unknown version " + version);
        }
    }

    public int readUnsignedByte() throws MalformedEncodingException {
        require(1);
        return data[position++] & 0xff;
    }

    public int readUnsignedShort() throws MalformedEncodingException {
        require(2);
        int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    /** A 4-byte big-endian unsigned integer that must not exceed {@code max}. */
    public long readUnsignedInt(long max) throws MalformedEncodingException {
        require(4);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (data[position++] & 0xff);
        }
        if (value > max) {
            throw new MalformedEncodingException(what + ": value " + value + " exceeds " + max);
        }
        return value;
    }

    /** An 8-byte big-endian integer interpreted as signed. */
    public long readLong() throws MalformedEncodingException {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position++] & 0xff);
        }
        return value;
    }

    public byte[] readFixed(int length) throws MalformedEncodingException {
        require(length);
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    /** A field with a 1-byte length prefix. */
    public byte[] readShortField(int maxLength) throws MalformedEncodingException {
        return readField(readUnsignedByte(), maxLength);
    }

    /** A field with a 2-byte length prefix. */
    public byte[] readMediumField(int maxLength) throws MalformedEncodingException {
        return readField(readUnsignedShort(), maxLength);
    }

    /** A field with a 4-byte length prefix. */
    public byte[] readLongField(int maxLength) throws MalformedEncodingException {
        return readField((int) readUnsignedInt(maxLength), maxLength);
    }

    /** Everything not read yet, which must be at least {@code minLength} bytes. */
    public byte[] readRemaining(int minLength) throws MalformedEncodingException {
        int left = data.length - position;
        if (left < minLength) {
            throw new MalformedEncodingException(what + ": truncated");
        }
        return readFixed(left);
    }

    /** Rejects trailing bytes. */
    public void finish() throws MalformedEncodingException {
        if (position != data.length) {
            throw new MalformedEncodingException(what + ": " + (data.length - position) + " trailing bytes");
        }
    }

    private byte[] readField(int length, int maxLength) throws MalformedEncodingException {
        if (length > maxLength) {
            throw new MalformedEncodingException(what + ": field of " + length + " bytes exceeds " + maxLength);
        }
        return readFixed(length);
    }

    private void require(int length) throws MalformedEncodingException {
        if (length < 0 || data.length - position < length) {
            throw new MalformedEncodingException(what + ": truncated");
        }
    }
}
