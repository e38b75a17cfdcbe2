package dev.tacit.crypto.wire;

import java.io.ByteArrayOutputStream;

/** Builds a wire encoding: fixed-size fields and length-prefixed fields, big-endian throughout. */
public final class FieldWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public FieldWriter writeByte(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("not a byte: " + value);
        }
        out.write(value);
        return this;
    }

    public FieldWriter writeShort(int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("not a 16-bit value: " + value);
        }
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    public FieldWriter writeInt(long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("not a 32-bit value: " + value);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    public FieldWriter writeLong(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    public FieldWriter writeFixed(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** A field with a 1-byte length prefix. */
    public FieldWriter writeShortField(byte[] bytes) {
        return writeByte(bytes.length).writeFixed(bytes);
    }

    /** A field with a 2-byte length prefix. */
    public FieldWriter writeMediumField(byte[] bytes) {
        return writeShort(bytes.length).writeFixed(bytes);
    }

    /** A field with a 4-byte length prefix. */
    public FieldWriter writeLongField(byte[] bytes) {
        return writeInt(bytes.length).writeFixed(bytes);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
