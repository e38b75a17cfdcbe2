package dev.tacit.client.state;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The state file's format (docs/protocol.md §3.10): a header in the clear, then the records encrypted with
 * AES-256-GCM under the state key, the whole header being the associated data, so that no byte of the file can
 * change unnoticed.
 *
 * <pre>
 * header  = magic (8: 0x89 "TACITST") || format (u8: 1) || argon2_memory_kib (u32) || argon2_iterations (u32)
 *        || argon2_parallelism (u8) || salt (16) || key_check (16) || generation (u64) || nonce (12)
 * file    = header || AES-256-GCM(state key, nonce, records, aad = header)   (ciphertext || 16-byte tag)
 * records = count (u32) || (type (u16) || length (u32) || payload)*
 * </pre>
 */
final class StateFile {

    static final byte[] MAGIC = {(byte) 0x89, 'T', 'A', 'C', 'I', 'T', 'S', 'T'};
    static final int FORMAT = 1;
    static final int NONCE_BYTES = 12;
    static final int HEADER_BYTES = MAGIC.length + 1 + 4 + 4 + 1 + Argon2idParameters.SALT_BYTES
            + StateKey.KEY_CHECK_BYTES + 8 + NONCE_BYTES;
    private static final int TAG_BITS = 128;
    /** A state file larger than this is not one this client wrote. */
    static final int MAX_FILE_BYTES = 256 << 20;
    private static final int MAX_RECORDS = 1 << 20;

    /** A header as read from a file. */
    record Header(Argon2idParameters parameters, byte[] salt, byte[] keyCheck, long generation, byte[] nonce) {

        byte[] encode() {
            return new FieldWriter().writeFixed(MAGIC).writeByte(FORMAT)
                    .writeInt(parameters.memoryKiB()).writeInt(parameters.iterations())
                    .writeByte(parameters.parallelism())
                    .writeFixed(salt).writeFixed(keyCheck).writeLong(generation).writeFixed(nonce)
                    .toByteArray();
        }
    }

    /** The records of an opened file, and its generation. */
    record Contents(long generation, List<StateRecord> records) {
    }

    private StateFile() {
    }

    static byte[] seal(StateKey key, long generation, List<StateRecord> records, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header = new Header(key.parameters(), key.salt(), key.keyCheck(), generation, nonce).encode();
        FieldWriter plain = new FieldWriter().writeInt(records.size());
        for (StateRecord record : records) {
            plain.writeShort(record.typeId()).writeLongField(record.encode());
        }
        byte[] plaintext = plain.toByteArray();
        try {
            byte[] sealed = crypt(true, key, nonce, header, plaintext);
            return ByteBuffer.allocate(header.length + sealed.length).put(header).put(sealed).array();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Reads the header alone: what the key must be derived with. */
    static Header header(byte[] file) throws CorruptStateException {
        try {
            StrictReader in = StrictReader.of(Arrays.copyOf(file, Math.min(file.length, HEADER_BYTES)), "state file");
            if (file.length < HEADER_BYTES + TAG_BITS / 8 || !Arrays.equals(in.readFixed(MAGIC.length), MAGIC)) {
                throw new CorruptStateException("not a Tacit state file");
            }
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new CorruptStateException("state file format " + format + " is not one this client reads ("
                        + FORMAT + "); a newer client wrote it");
            }
            long memory = in.readUnsignedInt(Argon2idParameters.MAX_MEMORY_KIB);
            long iterations = in.readUnsignedInt(Argon2idParameters.MAX_ITERATIONS);
            int parallelism = in.readUnsignedByte();
            Argon2idParameters parameters = new Argon2idParameters((int) memory, (int) iterations, parallelism);
            return new Header(parameters, in.readFixed(Argon2idParameters.SALT_BYTES),
                    in.readFixed(StateKey.KEY_CHECK_BYTES), in.readLong(), in.readFixed(NONCE_BYTES));
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            throw new CorruptStateException("the state file's header is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts {@code file} with {@code key}, derived for its header.
     *
     * @throws WrongPassphraseException if the key is not the one the file was written with
     * @throws CorruptStateException    if the file was altered or damaged
     */
    static Contents open(byte[] file, StateKey key) throws StateException {
        Header header = header(file);
        if (!key.matches(header.keyCheck())) {
            throw new WrongPassphraseException("the passphrase does not open this state directory");
        }
        byte[] headerBytes = Arrays.copyOf(file, HEADER_BYTES);
        byte[] sealed = Arrays.copyOfRange(file, HEADER_BYTES, file.length);
        byte[] plaintext;
        try {
            plaintext = crypt(false, key, header.nonce(), headerBytes, sealed);
        } catch (IllegalStateException e) {
            throw new CorruptStateException("the state file was altered or damaged: its authentication tag does not"
                    + " verify", e);
        }
        try {
            StrictReader in = StrictReader.of(plaintext, "state records");
            long count = in.readUnsignedInt(MAX_RECORDS);
            List<StateRecord> records = new ArrayList<>((int) count);
            for (long i = 0; i < count; i++) {
                int type = in.readUnsignedShort();
                records.add(RecordType.decode(type, in.readLongField(MAX_FILE_BYTES)));
            }
            in.finish();
            return new Contents(header.generation(), records);
        } catch (MalformedEncodingException e) {
            throw new CorruptStateException("a record of the state file does not decode: " + e.getMessage(), e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static byte[] crypt(boolean encrypt, StateKey key, byte[] nonce, byte[] header, byte[] input) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key.encryptionKey()), TAG_BITS, nonce, header));
        byte[] output = new byte[gcm.getOutputSize(input.length)];
        int length = gcm.processBytes(input, 0, input.length, output, 0);
        try {
            length += gcm.doFinal(output, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("authentication tag mismatch", e);
        }
        return length == output.length ? output : Arrays.copyOf(output, length);
    }
}
