package dev.tacit.crypto.envelope;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tacit.crypto.MalformedEncodingException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EnvelopePaddingTest {

    @ParameterizedTest
    @CsvSource({"0, 512", "511, 512", "512, 1024", "1000, 1024", "65535, 65536"})
    void padsToTheSmallestBucketThatHoldsTheMarker(int length, int bucket) throws Exception {
        byte[] plaintext = new byte[length];
        Arrays.fill(plaintext, (byte) 0x80);

        byte[] padded = EnvelopePadding.pad(plaintext);

        assertEquals(bucket, padded.length);
        assertArrayEquals(plaintext, EnvelopePadding.unpad(padded));
    }

    @Test
    void refusesPlaintextsBeyondTheLargestBucket() {
        assertThrows(IllegalArgumentException.class, () -> EnvelopePadding.pad(new byte[65536]));
    }

    @Test
    void rejectsPaddingWithoutMarkerOrOfANonBucketLength() {
        assertThrows(MalformedEncodingException.class, () -> EnvelopePadding.unpad(new byte[512]));
        assertThrows(MalformedEncodingException.class, () -> EnvelopePadding.unpad(new byte[513]));
        byte[] wrongMarker = new byte[512];
        wrongMarker[10] = 0x01;
        assertThrows(MalformedEncodingException.class, () -> EnvelopePadding.unpad(wrongMarker));
    }
}
