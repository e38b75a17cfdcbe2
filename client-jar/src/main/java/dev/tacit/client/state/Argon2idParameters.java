package dev.tacit.client.state;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The cost of deriving a state directory's key from its passphrase with Argon2id (RFC 9106, version 0x13),
 * stored in the state file's header so that a state opens with the parameters it was written with.
 *
 * @param memoryKiB   memory in KiB, at least 8 × {@code parallelism}
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {

    /** RFC 9106 §4's second recommended option: 64 MiB, 3 passes, 4 lanes. New state directories use it. */
    public static final Argon2idParameters RECOMMENDED = new Argon2idParameters(64 * 1024, 3, 4);

    /** Bounds a state file's header must keep, so that a damaged or hostile header cannot demand 4 TiB. */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 64;
    static final int SALT_BYTES = 16;
    static final int OUTPUT_BYTES = 32;

    public Argon2idParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parallelism is 1 to " + MAX_PARALLELISM);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id memory is 8 × parallelism to " + MAX_MEMORY_KIB + " KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2id iterations are 1 to " + MAX_ITERATIONS);
        }
    }

    /**
     * Argon2id of the passphrase (its UTF-8 bytes in Unicode normalisation form NFC, so that the same text typed
     * on two keyboards gives one key) with {@code salt}: 32 bytes.
     */
    byte[] derive(char[] passphrase, byte[] salt) {
        byte[] password = passphraseBytes(passphrase);
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKiB)
                    .withIterations(iterations)
                    .withParallelism(parallelism)
                    .withSalt(salt)
                    .build());
            byte[] output = new byte[OUTPUT_BYTES];
            generator.generateBytes(password, output);
            return output;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    static byte[] passphraseBytes(char[] passphrase) {
        String normalized = Normalizer.normalize(java.nio.CharBuffer.wrap(passphrase), Normalizer.Form.NFC);
        return normalized.getBytes(StandardCharsets.UTF_8);
    }
}
