package dev.tacit.client.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.tacit.crypto.token.TokenPurpose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reads a state file as docs/protocol.md §3.10 describes it, with the JDK's own HMAC (for HKDF) and AES-GCM
 * rather than the Bouncy Castle code that wrote it: the layout, the key schedule and the associated data are the
 * documented ones. Argon2id itself is checked against the reference implementation in
 * {@link Argon2idParametersTest}.
 */
class StateFileFormatTest {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path directory;

    @Test
    void aStateFileReadsAsDocumented() throws Exception {
        Argon2idParameters parameters = new Argon2idParameters(256, 2, 2);
        try (StateDirectory state = StateDirectory.create(directory, PASSPHRASE, parameters, StateFixtures.RANDOM)) {
            state.state().addTokens(TokenPurpose.FIRST_CONTACT, List.of(StateFixtures.token(9)));
            state.state().add(new UnknownRecord(0x1234, "later".getBytes(StandardCharsets.US_ASCII)));
            state.save();
        }
        byte[] file = Files.readAllBytes(directory.resolve(StateDirectory.STATE_FILE));

        ByteBuffer header = ByteBuffer.wrap(file);
        byte[] magic = new byte[8];
        header.get(magic);
        assertArrayEquals(new byte[] {(byte) 0x89, 'T', 'A', 'C', 'I', 'T', 'S', 'T'}, magic);
        assertEquals(1, header.get());
        assertEquals(256, header.getInt());
        assertEquals(2, header.getInt());
        assertEquals(2, header.get());
        byte[] salt = new byte[16];
        header.get(salt);
        byte[] keyCheck = new byte[16];
        header.get(keyCheck);
        assertEquals(1, header.getLong(), "generation: created (0), then saved once");
        byte[] nonce = new byte[12];
        header.get(nonce);
        int headerLength = header.position();

        byte[] master = parameters.derive(PASSPHRASE, salt);
        byte[] prk = hmac(new byte[32], master); // HKDF-Extract without salt: a key of 32 zero bytes
        assertArrayEquals(Arrays.copyOf(expand(prk, "tacit state v1 key check"), 16), keyCheck);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(expand(prk, "tacit state v1 encryption key"), "AES"),
                new GCMParameterSpec(128, nonce));
        gcm.updateAAD(file, 0, headerLength);
        ByteBuffer records = ByteBuffer.wrap(gcm.doFinal(file, headerLength, file.length - headerLength));

        assertEquals(2, records.getInt());
        assertEquals(RecordType.TOKEN.id(), records.getShort());
        byte[] token = new byte[records.getInt()];
        records.get(token);
        assertEquals(1, token[0], "token record version");
        assertEquals(1, token[1], "purpose: first contact");
        assertArrayEquals(StateFixtures.token(9).encode(), Arrays.copyOfRange(token, 2, token.length));
        assertEquals(0x1234, records.getShort());
        byte[] later = new byte[records.getInt()];
        records.get(later);
        assertEquals("later", new String(later, StandardCharsets.US_ASCII));
        assertEquals(0, records.remaining());
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    /** HKDF-Expand (RFC 5869) of one block, enough for 32 bytes. */
    private static byte[] expand(byte[] prk, String info) throws Exception {
        byte[] infoBytes = info.getBytes(StandardCharsets.US_ASCII);
        byte[] input = Arrays.copyOf(infoBytes, infoBytes.length + 1);
        input[infoBytes.length] = 1;
        return hmac(prk, input);
    }
}
