package dev.tacit.client.state;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenPurpose;

/**
 * The child process of {@link StateDirectoryCrashIT}: opens a state directory and writes one generation after
 * another until it is killed, printing {@code saved <generation>} after each write returned. Every generation's
 * records follow from its number ({@link #payload}, {@link #tokens}), so whoever opens the state afterwards can
 * check that what it finds is one whole generation.
 */
public final class StateWriterProcess {

    /** The record type of the test's payload: one this library does not know, kept as it is. */
    static final int PAYLOAD_TYPE = 900;
    private static final int PAYLOAD_BYTES = 64 * 1024;

    private StateWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (StateDirectory state = StateDirectory.open(Path.of(args[0]), args[1].toCharArray(), new SecureRandom())) {
            System.out.println("ready " + state.generation());
            System.out.flush();
            while (true) {
                long next = state.generation() + 1;
                write(state.state(), next);
                state.save();
                System.out.println("saved " + state.generation());
                System.out.flush();
            }
        }
    }

    /** Puts generation {@code generation}'s records into {@code state}, replacing the previous ones. */
    static void write(ClientState state, long generation) {
        state.removeIf(UnknownRecord.class, r -> r.typeId() == PAYLOAD_TYPE);
        state.removeIf(TokenRecord.class, r -> true);
        state.add(new UnknownRecord(PAYLOAD_TYPE, payload(generation)));
        state.addTokens(TokenPurpose.FIRST_CONTACT, tokens(generation));
    }

    /** 64 KiB that only generation {@code generation} has: a SHA-256 counter stream. */
    static byte[] payload(long generation) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            ByteBuffer out = ByteBuffer.allocate(PAYLOAD_BYTES);
            for (int block = 0; out.hasRemaining(); block++) {
                sha256.update(ByteBuffer.allocate(12).putLong(generation).putInt(block).array());
                byte[] digest = sha256.digest();
                out.put(digest, 0, Math.min(digest.length, out.remaining()));
            }
            return out.array();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generation {@code generation} holds {@code generation % 6} tokens. */
    static List<Token> tokens(long generation) {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < generation % 6; i++) {
            tokens.add(StateFixtures.token((int) generation * 7 + i));
        }
        return tokens;
    }
}
