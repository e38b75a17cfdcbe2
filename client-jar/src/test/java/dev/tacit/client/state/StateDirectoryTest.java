package dev.tacit.client.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.tacit.crypto.message.AcceptedInitiations;
import dev.tacit.crypto.token.TokenPurpose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state directory: encrypted records that survive a round trip, and typed failures that change nothing. */
class StateDirectoryTest {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    private final StateFixtures fixtures = new StateFixtures();

    @TempDir
    Path directory;

    @Test
    void everyKindOfRecordComesBackAsItWasSaved() throws Exception {
        UnknownRecord fromANewerClient = new UnknownRecord(4242, new byte[] {1, 2, 3});
        AccountRecord account = fixtures.account();
        ConversationRecord conversation = fixtures.conversation();
        try (StateDirectory state = StateDirectory.create(directory, PASSPHRASE, StateFixtures.CHEAP, StateFixtures.RANDOM)) {
            ClientState records = state.state();
            records.setServer(fixtures.server());
            records.setAccount(account);
            records.setPinnedCas(List.of(fixtures.pinnedCa().certificate()));
            records.addTokens(TokenPurpose.FIRST_CONTACT, List.of(StateFixtures.token(1), StateFixtures.token(2)));
            records.addTokens(TokenPurpose.DISCOVERY, List.of(StateFixtures.token(3)));
            records.setPendingCode(StateFixtures.sentCode());
            records.setDiscoveryAllowance(StateFixtures.discoveryAllowance());
            records.putContact(fixtures.contact());
            records.putConversation(conversation);
            records.putSentToken(StateFixtures.sentToken());
            records.putHeldToken(fixtures.heldToken());
            records.putHeldToken(new HeldTokenRecord("_-_-_-_-_-_-_-_-_-_-_w", fixtures.alice.number, Optional.empty()));
            records.setMailbox(MailboxRecord.empty().with(List.of("AAAAAAAAAAAAAAAAAAAAAA", "AQEBAQEBAQEBAQEBAQEBAQ")));
            AcceptedInitiations accepted = new AcceptedInitiations();
            records.setAcceptedInitiations(accepted);
            records.setNextMember(3);
            records.recordHandedOut(1, fixtures.bob.number);
            records.recordHandedOut(2, fixtures.alice.number);
            records.recordHandedOut(0, fixtures.bob.number);
            records.add(fromANewerClient);
            state.save();
        }

        try (StateDirectory state = StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM)) {
            ClientState records = state.state();
            assertEquals(1, state.generation());
            assertEquals(fixtures.server(), records.server().orElseThrow());
            AccountRecord read = records.account().orElseThrow();
            assertEquals(account.number(), read.number());
            assertEquals(account.identity().publicKey(), read.identity().publicKey());
            assertEquals(account.certificate(), read.certificate());
            assertArrayEquals(account.signedEnvelopeKey().toBytes(), read.signedEnvelopeKey().toBytes());
            assertArrayEquals(account.signedPreKey().toBytes(), read.signedPreKey().toBytes());
            assertEquals(account.group().groupPublicKey(), read.group().groupPublicKey());
            assertEquals(account.group().mintMember(3), read.group().mintMember(3));
            assertArrayEquals(fixtures.pinnedCa().certificate().toBytes(), records.pinnedCas().get(0).toBytes());
            assertEquals(List.of(StateFixtures.token(1), StateFixtures.token(2)), records.tokens(TokenPurpose.FIRST_CONTACT));
            assertEquals(List.of(StateFixtures.token(3)), records.tokens(TokenPurpose.DISCOVERY));
            assertEquals(StateFixtures.sentCode().sendProof(), records.pendingCode().orElseThrow().sendProof());
            assertEquals(StateFixtures.sentCode().expiresAt(), records.pendingCode().orElseThrow().expiresAt());
            assertEquals(StateFixtures.discoveryAllowance(), records.discoveryAllowance().orElseThrow());
            assertEquals(fixtures.contact(), records.contact(fixtures.bob.number).orElseThrow());
            assertEquals(conversation, records.conversation(fixtures.bob.number).orElseThrow());
            assertEquals(fixtures.bob.number, records.conversation(fixtures.bob.number).orElseThrow()
                    .conversation(StateFixtures.RANDOM).peer());
            assertEquals(List.of(StateFixtures.sentToken()), records.sentTokens());
            assertEquals(List.of(fixtures.heldToken(), new HeldTokenRecord("_-_-_-_-_-_-_-_-_-_-_w", fixtures.alice.number,
                    Optional.empty())), records.heldTokens());
            assertEquals(List.of("AAAAAAAAAAAAAAAAAAAAAA", "AQEBAQEBAQEBAQEBAQEBAQ"), records.mailbox().taken());
            assertEquals(0, records.acceptedInitiations().size());
            assertEquals(3, records.nextMember());
            assertEquals(List.of(1, 0), records.membersHandedTo(fixtures.bob.number), "in the order handed out");
            assertEquals(List.of(2), records.membersHandedTo(fixtures.alice.number));
            UnknownRecord kept = records.one(UnknownRecord.class).orElseThrow();
            assertEquals(4242, kept.typeId());
            assertArrayEquals(new byte[] {1, 2, 3}, kept.payload());
        }
    }

    @Test
    void aTakenTokenIsGoneOnceSaved() throws Exception {
        try (StateDirectory state = StateDirectory.create(directory, PASSPHRASE, StateFixtures.CHEAP, StateFixtures.RANDOM)) {
            state.state().addTokens(TokenPurpose.FIRST_CONTACT, List.of(StateFixtures.token(1), StateFixtures.token(2)));
            state.save();
            assertEquals(StateFixtures.token(1), state.state().takeToken(TokenPurpose.FIRST_CONTACT).orElseThrow());
            assertTrue(state.state().takeToken(TokenPurpose.DISCOVERY).isEmpty());
            state.save();
        }
        try (StateDirectory state = StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM)) {
            assertEquals(List.of(StateFixtures.token(2)), state.state().tokens(TokenPurpose.FIRST_CONTACT));
        }
    }

    @Test
    void aWrongPassphraseIsATypedErrorAndChangesNothing() throws Exception {
        createWithAccount();
        byte[] before = Files.readAllBytes(directory.resolve(StateDirectory.STATE_FILE));

        assertThrows(WrongPassphraseException.class,
                () -> StateDirectory.open(directory, "correct horse battery stapler".toCharArray(), StateFixtures.RANDOM));

        assertArrayEquals(before, Files.readAllBytes(directory.resolve(StateDirectory.STATE_FILE)));
        try (StateDirectory state = StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM)) {
            assertTrue(state.state().account().isPresent(), "the state still opens with the right passphrase");
        }
    }

    @Test
    void anyChangedByteMakesTheFileCorruptNotSomethingElse() throws Exception {
        createWithAccount();
        Path file = directory.resolve(StateDirectory.STATE_FILE);
        byte[] original = Files.readAllBytes(file);
        // the key check (its own error), then a byte of the generation, the nonce, the ciphertext and the tag
        int keyCheck = 8 + 1 + 4 + 4 + 1 + 16;
        int generation = keyCheck + 16;
        int[] positions = {generation + 7, generation + 8, StateFile.HEADER_BYTES + 3, original.length - 1};
        for (int position : positions) {
            byte[] damaged = original.clone();
            damaged[position] ^= 0x01;
            Files.write(file, damaged);
            assertThrows(CorruptStateException.class,
                    () -> StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM), "byte " + position);
        }
        byte[] otherFormat = original.clone();
        otherFormat[8] = 2;
        Files.write(file, otherFormat);
        CorruptStateException newer = assertThrows(CorruptStateException.class,
                () -> StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM));
        assertTrue(newer.getMessage().contains("format 2"), newer.getMessage());
        Files.write(file, "not a state".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThrows(CorruptStateException.class, () -> StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM));
    }

    @Test
    void theKeysAreNotInTheFileInTheClear() throws Exception {
        AccountRecord account = createWithAccount();
        String file = HexFormat.of().formatHex(Files.readAllBytes(directory.resolve(StateDirectory.STATE_FILE)));

        assertFalse(file.contains(HexFormat.of().formatHex(SecretKeys.identitySeed(account.identity()))));
        assertFalse(file.contains(HexFormat.of().formatHex(account.number().toBytes())));
    }

    @Test
    void oneProcessAtATime() throws Exception {
        try (StateDirectory first = StateDirectory.create(directory, PASSPHRASE, StateFixtures.CHEAP, StateFixtures.RANDOM)) {
            assertThrows(StateInUseException.class, () -> StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM));
        }
        try (StateDirectory again = StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM)) {
            assertEquals(0, again.generation());
        }
    }

    @Test
    void creatingTwiceAndOpeningNothingAreTypedErrors() throws Exception {
        assertThrows(StateNotFoundException.class, () -> StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM));
        assertThrows(StateNotFoundException.class,
                () -> StateDirectory.open(directory.resolve("missing"), PASSPHRASE, StateFixtures.RANDOM));
        StateDirectory.create(directory, PASSPHRASE, StateFixtures.CHEAP, StateFixtures.RANDOM).close();
        assertThrows(StateAlreadyExistsException.class,
                () -> StateDirectory.create(directory, PASSPHRASE, StateFixtures.CHEAP, StateFixtures.RANDOM));
    }

    @Test
    void leftoversOfAnInterruptedWriteAreRemovedAndTheFilesAreTheOwnersAlone() throws Exception {
        StateDirectory.create(directory, PASSPHRASE, StateFixtures.CHEAP, StateFixtures.RANDOM).close();
        Path leftover = directory.resolve(StateDirectory.STATE_FILE + ".0123456789abcdef.tmp");
        Files.write(leftover, new byte[] {1, 2});

        StateDirectory.open(directory, PASSPHRASE, StateFixtures.RANDOM).close();

        assertFalse(Files.exists(leftover));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve(StateDirectory.STATE_FILE))));
        Path fresh = directory.resolve("fresh");
        StateDirectory.create(fresh, PASSPHRASE, StateFixtures.CHEAP, StateFixtures.RANDOM).close();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertEquals(List.of(StateDirectory.LOCK_FILE, StateDirectory.STATE_FILE),
                Arrays.stream(fresh.toFile().list()).sorted().toList());
    }

    @Test
    void theHeaderStoresTheArgon2ParametersItWasWrittenWith() throws Exception {
        Argon2idParameters parameters = new Argon2idParameters(128, 2, 2);
        StateDirectory.create(directory, PASSPHRASE, parameters, StateFixtures.RANDOM).close();

        StateFile.Header header = StateFile.header(Files.readAllBytes(directory.resolve(StateDirectory.STATE_FILE)));

        assertEquals(parameters, header.parameters());
        assertEquals(0, header.generation());
    }

    private AccountRecord createWithAccount() throws Exception {
        AccountRecord account = fixtures.account();
        try (StateDirectory state = StateDirectory.create(directory, PASSPHRASE, StateFixtures.CHEAP, StateFixtures.RANDOM)) {
            state.state().setAccount(account);
            state.save();
        }
        return account;
    }
}
