package dev.tacit.client.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The client's local state in one directory: identity and group manager keys, certificate and pinned CAs,
 * contacts and their credentials, unspent tokens, ratchet sessions, and whatever records later features add.
 * Everything is in one file, {@value #STATE_FILE}, encrypted at rest under a key derived from a passphrase
 * with Argon2id ({@link Argon2idParameters}, stored with the file) and authenticated with AES-256-GCM over the
 * whole file (docs/protocol.md §3.10).
 *
 * <p>Writes are atomic: the new state goes to a temporary file in the directory, which is flushed to disk
 * (fsync), renamed over the state file, and the directory is flushed too; so a crash at any point leaves either
 * the previous state or the new one, both of which open. One process at a time holds the directory (a lock on
 * {@value #LOCK_FILE}); a second gets {@link StateInUseException}. A wrong passphrase is a
 * {@link WrongPassphraseException} and changes nothing.
 */
public final class StateDirectory implements AutoCloseable {

    /** The state file's name in the directory. */
    public static final String STATE_FILE = "state.tacit";
    /** The lock file's name in the directory. */
    public static final String LOCK_FILE = "lock";
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final StateKey key;
    private final SecureRandom random;
    private final ClientState state;
    private long generation;

    private StateDirectory(Path directory, FileChannel lockChannel, FileLock lock, StateKey key, SecureRandom random,
                           ClientState state, long generation) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.key = key;
        this.random = random;
        this.state = state;
        this.generation = generation;
    }

    /** Whether {@code directory} holds a client state. */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(STATE_FILE));
    }

    /**
     * Creates an empty state in {@code directory} (made if missing, readable by its owner only), locked with
     * {@code passphrase}, and opens it.
     *
     * @throws StateAlreadyExistsException if the directory holds a state already
     */
    public static StateDirectory create(Path directory, char[] passphrase, Argon2idParameters parameters,
                                        SecureRandom random) throws StateException {
        try {
            createPrivateDirectory(directory);
        } catch (IOException e) {
            throw new StateStorageException("cannot create the state directory " + directory + ": " + e.getMessage(), e);
        }
        FileChannel lockChannel = lockChannel(directory);
        FileLock lock = lock(directory, lockChannel);
        try {
            if (exists(directory)) {
                throw new StateAlreadyExistsException(directory + " already holds a client state");
            }
            removeTemporaryFiles(directory);
            byte[] salt = new byte[Argon2idParameters.SALT_BYTES];
            random.nextBytes(salt);
            StateKey key = StateKey.derive(passphrase, parameters, salt);
            StateDirectory created = new StateDirectory(directory, lockChannel, lock, key, random,
                    new ClientState(List.of()), -1);
            created.save();
            return created;
        } catch (StateException | RuntimeException e) {
            release(lockChannel);
            throw e;
        }
    }

    /**
     * Opens the state in {@code directory} with {@code passphrase}, holding the directory until closed.
     *
     * @throws StateNotFoundException   if the directory holds no state
     * @throws WrongPassphraseException if the passphrase is not the state's
     * @throws CorruptStateException    if the state file is damaged or of an unknown format
     * @throws StateInUseException      if another process has it open
     */
    public static StateDirectory open(Path directory, char[] passphrase, SecureRandom random) throws StateException {
        if (!Files.isDirectory(directory)) {
            throw new StateNotFoundException(directory + " holds no client state");
        }
        FileChannel lockChannel = lockChannel(directory);
        FileLock lock = lock(directory, lockChannel);
        try {
            removeTemporaryFiles(directory);
            byte[] file;
            try {
                file = readBounded(directory.resolve(STATE_FILE));
            } catch (NoSuchFileException e) {
                throw new StateNotFoundException(directory + " holds no client state");
            } catch (IOException e) {
                throw new StateStorageException("cannot read " + directory.resolve(STATE_FILE) + ": " + e.getMessage(), e);
            }
            StateFile.Header header = StateFile.header(file);
            StateKey key = StateKey.derive(passphrase, header.parameters(), header.salt());
            StateFile.Contents contents;
            try {
                contents = StateFile.open(file, key);
            } catch (StateException e) {
                key.destroy();
                throw e;
            }
            return new StateDirectory(directory, lockChannel, lock, key, random, new ClientState(contents.records()),
                    contents.generation());
        } catch (StateException | RuntimeException e) {
            release(lockChannel);
            throw e;
        }
    }

    /** The state as read, with the changes made since; {@link #save()} writes it. */
    public ClientState state() {
        return state;
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }

    /** How many times the state has been written: 0 after creation, one more per {@link #save()}. */
    public long generation() {
        return generation;
    }

    /**
     * Writes the state atomically: a temporary file, fsync, rename over the state file, fsync of the directory.
     * When this returns the new state is on disk; if the process dies during it, the directory opens with the
     * previous state.
     */
    public void save() throws StateException {
        if (!lock.isValid()) {
            throw new IllegalStateException("the state directory is closed");
        }
        byte[] sealed = StateFile.seal(key, generation + 1, state.records(), random);
        Path temporary = directory.resolve(STATE_FILE + "." + HexFormat.of().formatHex(randomBytes(8)) + TEMPORARY_SUFFIX);
        try {
            try (FileChannel out = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnly("rw-------"))) {
                ByteBuffer buffer = ByteBuffer.wrap(sealed);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temporary, directory.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the next open removes it
            }
            throw new StateStorageException("cannot write the state to " + directory + ": " + e.getMessage(), e);
        }
        generation++;
    }

    /** Releases the directory for other processes and forgets the key. Unsaved changes are dropped. */
    @Override
    public void close() {
        key.destroy();
        release(lockChannel);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] readBounded(Path file) throws IOException {
        if (Files.size(file) > StateFile.MAX_FILE_BYTES) {
            throw new IOException("the file is larger than a state file can be");
        }
        return Files.readAllBytes(file);
    }

    private static FileChannel lockChannel(Path directory) throws StateException {
        try {
            return FileChannel.open(directory.resolve(LOCK_FILE), Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), ownerOnly("rw-------"));
        } catch (IOException e) {
            throw new StateStorageException("cannot open " + directory.resolve(LOCK_FILE) + ": " + e.getMessage(), e);
        }
    }

    private static FileLock lock(Path directory, FileChannel channel) throws StateException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            release(channel);
            throw new StateStorageException("cannot lock " + directory + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            release(channel);
            throw new StateInUseException("another Tacit client is using " + directory);
        }
        return lock;
    }

    private static void release(FileChannel channel) {
        try {
            channel.close(); // releases the lock
        } catch (IOException e) {
            // the lock goes with the process at the latest
        }
    }

    /** Temporary files of a write that was interrupted: never the state itself, which the rename replaces whole. */
    private static void removeTemporaryFiles(Path directory) throws StateException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, STATE_FILE + ".*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            throw new StateStorageException("cannot clean up " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly("rwx------"));
        }
    }

    /** Flushes the directory's entry for the renamed file, where the platform can open a directory (POSIX). */
    private static void forceDirectory(Path directory) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }

    @Override
    public String toString() {
        return "StateDirectory[" + directory + ", generation " + generation + "]";
    }
}
