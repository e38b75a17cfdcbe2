package dev.tacit.crypto.group;

import java.time.Instant;
import java.util.Arrays;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    private static final GroupSignedMessage MESSAGE =
            GroupSignedMessage.of("alice@example", digest(7), Instant.ofEpochSecond(1_790_000_000L));

    @BeforeAll
    static void createGroups() {
        manager = GroupManagerKey.generate(5);
        otherManager = GroupManagerKey.generate(5);
        verifier = new GroupSignatureVerifier(manager.groupPublicKey());
    }

    static byte[] digest(int fill) {
        byte[] digest = new byte[32];
        Arrays.fill(digest, (byte) fill);
        return digest;
    }

    @Test
    void aMemberSignatureVerifiesForItsGroup() {
        GroupSignature signature = manager.mintMember(3).sign(MESSAGE);

        assertDoesNotThrow(() -> verifier.verify(signature, MESSAGE));
    }

    @Test
    void theServerVerifiesWithTheUploadedKeyBytesWhatAContactSignedWithTheCredentialBytes() throws Exception {
        GroupSignatureVerifier server = new GroupSignatureVerifier(
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
        GroupSignedMessage other = GroupSignedMessage.of("bob@example", digest(7), MESSAGE.timestamp());

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
        GroupSignatureVerifier otherVerifier = new GroupSignatureVerifier(otherManager.groupPublicKey());

        assertThrows(VerificationFailedException.class, () -> otherVerifier.verify(signature, MESSAGE));
    }

    @Test
    void aSignatureDoesNotVerifyForAnotherRecipientDigestOrTime() {
        GroupSignature signature = manager.mintMember(4).sign(MESSAGE);

        for (GroupSignedMessage altered : new GroupSignedMessage[] {
                GroupSignedMessage.of("alice@example.", digest(7), MESSAGE.timestamp()),
                GroupSignedMessage.of("alice@example", digest(8), MESSAGE.timestamp()),
                GroupSignedMessage.of("alice@example", digest(7), MESSAGE.timestamp().plusSeconds(1))}) {
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
        System.arraycopy(theirs, 1 + GroupPublicKey.ENCODED_BYTES, ours, 1 + GroupPublicKey.ENCODED_BYTES,
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
    void messagesWithAmbiguousOrOutOfRangeFieldsAreRefused() {
        Instant now = MESSAGE.timestamp();
        assertThrows(IllegalArgumentException.class, () -> GroupSignedMessage.of("", digest(1), now));
        assertThrows(IllegalArgumentException.class, () -> GroupSignedMessage.of("a\ud800", digest(1), now));
        assertThrows(IllegalArgumentException.class, () -> GroupSignedMessage.of("a", new byte[31], now));
        assertThrows(IllegalArgumentException.class,
                () -> GroupSignedMessage.of("a", digest(1), Instant.ofEpochSecond(-1)));
    }

    @Test
    void theMessageEncodingIsLengthPrefixed() {
        GroupSignedMessage message = GroupSignedMessage.of("ab", digest(1), Instant.ofEpochSecond(258));

        byte[] encoded = message.encode();

        assertEquals(2 + 2 + 32 + 8, encoded.length);
        assertEquals(0, encoded[0]);
        assertEquals(2, encoded[1]);
        assertEquals('a', encoded[2]);
        assertEquals(1, encoded[encoded.length - 2]);
        assertEquals(2, encoded[encoded.length - 1]);
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
