package dev.tacit.crypto.wire;

import org.junit.jupiter.api.Test;

import dev.tacit.crypto.MalformedEncodingException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictReaderTest {

    @Test
    void readsBackWhatTheWriterWrote() throws Exception {
        byte[] encoded = new FieldWriter().writeByte(1).writeShort(0xbeef).writeInt(0xfffffffeL).writeLong(-2)
                .writeShortField(new byte[] {7}).writeMediumField(new byte[] {8, 9}).writeLongField(new byte[0]).toByteArray();
        StrictReader in = StrictReader.of(encoded, "test");

        in.expectVersion(1);
        assertEquals(0xbeef, in.readUnsignedShort());
        assertEquals(0xfffffffeL, in.readUnsignedInt(0xffffffffL));
        assertEquals(-2, in.readLong());
        assertArrayEquals(new byte[] {7}, in.readShortField(1));
        assertArrayEquals(new byte[] {8, 9}, in.readMediumField(2));
        assertArrayEquals(new byte[0], in.readLongField(0));
        in.finish();
    }

    @Test
    void rejectsTrailingBytes() throws Exception {
        StrictReader in = StrictReader.of(new byte[] {1, 0}, "test");
        in.expectVersion(1);

        assertThrows(MalformedEncodingException.class, in::finish);
    }

    @Test
    void rejectsLengthsAboveTheFieldLimitAndBeyondTheInput() throws Exception {
        assertThrows(MalformedEncodingException.class, () -> StrictReader.of(new byte[] {0, 3, 1, 2, 3}, "t").readMediumField(2));
        assertThrows(MalformedEncodingException.class, () -> StrictReader.of(new byte[] {0, 3, 1, 2}, "t").readMediumField(10));
        assertThrows(MalformedEncodingException.class,
                () -> StrictReader.of(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, "t").readLongField(100));
        assertThrows(MalformedEncodingException.class, () -> StrictReader.of(new byte[] {2}, "t").expectVersion(1));
        assertThrows(MalformedEncodingException.class, () -> StrictReader.of(new byte[0], "t").readUnsignedByte());
    }
}
