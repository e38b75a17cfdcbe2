package dev.tacit.server.verification;

import java.security.SecureRandom;

/** A "random" source for fixed test vectors: fills every request with 0x00, 0x01, 0x02, … from {@code first}. */
final class FixedRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final int first;

    FixedRandom(int first) {
        this.first = first;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (first + i);
        }
    }
}
