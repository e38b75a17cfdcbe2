package dev.tacit.crypto.group;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupSignatureTest {

    private static GroupManagerKey manager;
    private static GroupManagerKey otherManager;
    private static GroupSignatureVerifier verifier;
    private static final GroupSignedMessage MESSAGE = TestReplies.message("+4915100000001", 7, 1_790_000_000L);

    @BeforeAll
    static void createGroups() {
        manager = GroupManagerKey.generate(5);
        otherManager = GroupManagerKey.generate(5);
        verifier = GroupSignatureVerifier.withTables(manager.groupPublicKey());
    }

    @Test
    void aMemberSignatureVerifiesForItsGroup() {
        GroupSignature signature = manager.mintMember(3).sign(MESSAGE);

        assertDoesNotThrow(() -> verifier.verify(signature, MESSAGE));
    }

    @Test
    void theServerVerifiesWithTheUploadedKeyBytesWhatAContactSignedWithTheCredentialBytes() throws Exception {
        GroupSignatureVerifier server = GroupSignatureVerifier.withoutTables(
                GroupPublicKey.fromBytes(manager.groupPublicKey().toBytes()));
        MemberCredential contact = MemberCredential.fromBytes(manager.mintMember(4).toBytes());

        byte[] wire = contact.sign(MESSAGE).toBytes();

        assertDoesNotThrow(() -> server.verify(GroupSignature.fromBytes(wire), MESSAGE));
    }

    @Test
    void aSignatureSurvivesEncodingAndDecoding() throws Exception {
        GroupSignature signature = manager.mintMember(1).sign(MESSAGE);

        GroupSignature decoded = GroupSignature.fromBytes(signature.toBytes());

        assertEquals(signature, decoded);
        assertEquals(GroupSignature.ENCODED_BYTES, signature.toBytes().length);
        assertDoesNotThrow(() -> verifier.verify(decoded, MESSAGE));
    }

    @Test
    void twoSignaturesOfTheSameMemberOnTheSameMessageDiffer() {
        MemberCredential member = manager.mintMember(0);

        assertNotEquals(member.sign(MESSAGE), member.sign(MESSAGE));
    }

    @Test
    void openingIdentifiesTheSigningMember() throws Exception {
        for (int index = 0; index < manager.memberCount(); index++) {
            GroupSignature signature = manager.mintMember(index).sign(MESSAGE);

            assertEquals(index, manager.open(signature, MESSAGE));
        }
    }

    @Test
    void aMemberMintedAfterGrowingTheGroupIsOpenedAndOldMembersStayValid() throws Exception {
        GroupManagerKey grown = manager.withMemberCount(8);
        GroupSignature byNewMember = grown.mintMember(7).sign(MESSAGE);

        assertEquals(manager.groupPublicKey(), grown.groupPublicKey());
        assertEquals(manager.mintMember(2), grown.mintMember(2));
        assertEquals(7, grown.open(byNewMember, MESSAGE));
        assertThrows(UnknownGroupMemberException.class, () -> manager.open(byNewMember, MESSAGE));
    }

    @Test
    void openingRejectsAnInvalidSignature() {
        GroupSignature signature = manager.mintMember(0).sign(MESSAGE);
        GroupSignedMessage other = TestReplies.message("+4915100000002", 7, 1_790_000_000L);

        assertThrows(VerificationFailedException.class, () -> manager.open(signature, other));
    }

    @Test
    void aSignatureByAMemberOfAnotherGroupFails() {
        GroupSignature signature = otherManager.mintMember(0).sign(MESSAGE);

        assertThrows(VerificationFailedException.class, () -> verifier.verify(signature, MESSAGE));
    }

    @Test
    void aSignatureIsCheckedAgainstTheGroupItIsVerifiedFor() {
        GroupSignature signature = manager.mintMember(0).sign(MESSAGE);
        GroupSignatureVerifier otherVerifier = GroupSignatureVerifier.withoutTables(otherManager.groupPublicKey());

        assertThrows(VerificationFailedException.class, () -> otherVerifier.verify(signature, MESSAGE));
    }

    @Test
    void aSignatureDoesNotVerifyForAnotherRecipientDigestOrTime() {
        GroupSignature signature = manager.mintMember(4).sign(MESSAGE);

        for (GroupSignedMessage altered : new GroupSignedMessage[] {
                TestReplies.message("+49151000000010", 7, 1_790_000_000L),
                TestReplies.message("+4915100000001", 8, 1_790_000_000L),
                TestReplies.message("+4915100000001", 7, 1_790_000_001L)}) {
            assertThrows(VerificationFailedException.class, () -> verifier.verify(signature, altered), altered::toString);
        }
    }

    /** Each field's offset in the encoding; a changed field must fail to verify or fail to decode. */
    @ParameterizedTest
    @ValueSource(ints = {1, 49, 97, 145, 161, 193, 225, 257, 289})
    void changingAnyFieldOfTheSignatureMakesItFail(int fieldOffset) {
        byte[] encoded = manager.mintMember(2).sign(MESSAGE).toBytes();
        // Replace the field with the same field of another valid signature, so points stay decodable.
        byte[] other = manager.mintMember(2).sign(MESSAGE).toBytes();
        int end = fieldEnd(fieldOffset);
        System.arraycopy(other, fieldOffset, encoded, fieldOffset, end - fieldOffset);

        assertThrows(VerificationFailedException.class,
                () -> verifier.verify(GroupSignature.fromBytes(encoded), MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(ints = {145, 161, 193, 225, 257, 289})
    void flippingALowBitOfAScalarFieldMakesItFail(int fieldOffset) throws Exception {
        byte[] encoded = manager.mintMember(2).sign(MESSAGE).toBytes();
        encoded[fieldEnd(fieldOffset) - 1] ^= 1;

        GroupSignature altered = GroupSignature.fromBytes(encoded);

        assertThrows(VerificationFailedException.class, () -> verifier.verify(altered, MESSAGE));
    }

    private static int fieldEnd(int fieldOffset) {
        if (fieldOffset < 145) {
            return fieldOffset + 48;
        }
        return fieldOffset == 145 ? 161 : fieldOffset + 32;
    }

    @Test
    void aMemberCredentialSurvivesEncodingAndSignsAfterwards() throws Exception {
        MemberCredential credential = manager.mintMember(3);

        MemberCredential decoded = MemberCredential.fromBytes(credential.toBytes());
        GroupSignature signature = decoded.sign(MESSAGE);

        assertEquals(credential, decoded);
        assertEquals(manager.groupPublicKey(), decoded.groupPublicKey());
        assertEquals(3, manager.open(signature, MESSAGE));
    }

    @Test
    void aCredentialWhoseKeyIsNotAMemberKeyOfItsGroupIsRejected() {
        byte[] ours = manager.mintMember(0).toBytes();
        byte[] theirs = otherManager.mintMember(0).toBytes();
        // Our group public key with another group's member key.
        System.arraycopy(theirs, 1 + GroupPublicKey.ENCODED_BYTES_V1, ours, 1 + GroupPublicKey.ENCODED_BYTES_V1,
                48 + 32);

        assertThrows(InvalidMemberCredentialException.class, () -> MemberCredential.fromBytes(ours));
    }

    @Test
    void theManagerKeySurvivesEncodingAndKeepsItsGroup() throws Exception {
        GroupManagerKey decoded = GroupManagerKey.fromBytes(manager.toBytes(InsecureSecretKeyAccess.get()));

        assertEquals(manager.groupPublicKey(), decoded.groupPublicKey());
        assertEquals(manager.memberCount(), decoded.memberCount());
        assertEquals(manager.mintMember(4), decoded.mintMember(4));
    }

    @Test
    void theGroupPublicKeySurvivesEncoding() throws Exception {
        GroupPublicKey gpk = manager.groupPublicKey();

        assertEquals(gpk, GroupPublicKey.fromBytes(gpk.toBytes()));
        assertEquals(gpk.hashCode(), GroupPublicKey.fromBytes(gpk.toBytes()).hashCode());
        assertNotEquals(gpk, otherManager.groupPublicKey());
    }

    @Test
    void secretsStayOutOfToString() {
        String managerText = manager.toString();
        String credentialText = manager.mintMember(0).toString();
        String seedHex = java.util.HexFormat.of().formatHex(manager.toBytes(InsecureSecretKeyAccess.get()), 1, 33);
        String xHex = java.util.HexFormat.of().formatHex(manager.mintMember(0).toBytes(), 290, 322);

        assertFalse(managerText.contains(seedHex));
        assertFalse(credentialText.contains(xHex));
        assertTrue(credentialText.contains("redacted"));
    }

    @Test
    void mintingOutsideTheMemberRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> manager.mintMember(5));
        assertThrows(IllegalArgumentException.class, () -> manager.mintMember(-1));
        assertThrows(IllegalArgumentException.class, () -> manager.withMemberCount(4));
        assertThrows(IllegalArgumentException.class, () -> manager.withMemberCount(GroupManagerKey.MAX_MEMBERS + 1));
    }

    @Test
    void aMessageBeforeTheEpochIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GroupSignedMessage.of(TestReplies.number("+15550100"),
                TestReplies.envelope(1), Instant.ofEpochSecond(-1)));
    }

    @Test
    void theMessageIsTheNumberInAsciiTheEnvelopeDigestAndTheSeconds() throws Exception {
        SealedEnvelope envelope = TestReplies.envelope(1);
        GroupSignedMessage message = GroupSignedMessage.of(TestReplies.number("+12"), envelope,
                Instant.ofEpochSecond(258, 999_999_999));

        byte[] encoded = message.encode();

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(envelope.toBytes());
        assertEquals(2 + 3 + 32 + 8, encoded.length);
        assertArrayEquals(new byte[] {0, 3, '+', '1', '2'}, Arrays.copyOfRange(encoded, 0, 5));
        assertArrayEquals(digest, Arrays.copyOfRange(encoded, 5, 37));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 1, 2}, Arrays.copyOfRange(encoded, 37, 45));
        assertEquals(Instant.ofEpochSecond(258), message.timestamp());
    }

    @Test
    void theMessageShowsNoPhoneNumber() {
        assertFalse(TestReplies.message("+4915100000001", 7, 1L).toString().contains("4915100000001"));
    }

    @Test
    void aMalformedManagerKeyIsRejected() {
        byte[] encoded = manager.toBytes(InsecureSecretKeyAccess.get());
        byte[] zeroMembers = encoded.clone();
        Arrays.fill(zeroMembers, 33, 37, (byte) 0);
        byte[] badVersion = encoded.clone();
        badVersion[0] = 2;

        byte[] tooManyMembers = encoded.clone();
        tooManyMembers[33] = 0x7f;

        assertThrows(MalformedEncodingException.class, () -> GroupManagerKey.fromBytes(zeroMembers));
        assertThrows(MalformedEncodingException.class, () -> GroupManagerKey.fromBytes(tooManyMembers));
        assertThrows(MalformedEncodingException.class, () -> GroupManagerKey.fromBytes(badVersion));
        assertThrows(MalformedEncodingException.class, () -> GroupManagerKey.fromBytes(Arrays.copyOf(encoded, 36)));
    }
}
