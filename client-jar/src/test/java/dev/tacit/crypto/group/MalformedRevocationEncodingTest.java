package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.tacit.crypto.group.MalformedGroupEncodingTest.badG1;
import static dev.tacit.crypto.group.MalformedGroupEncodingTest.compressedG2WithX;
import static dev.tacit.crypto.group.MalformedGroupEncodingTest.replace;
import static dev.tacit.crypto.group.MalformedGroupEncodingTest.toBytes;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The encodings of docs/protocol.md §2.2.3 that revocation adds — the version-2 group public key, member
 * credential and manager key, and the group key update — reject every class of malformed input with a
 * MalformedEncodingException.
 */
class MalformedRevocationEncodingTest {

    private static final int G1_AT = GroupPublicKey.ENCODED_BYTES_V1;
    private static final int G2_AT = G1_AT + 48;

    private static GroupManagerKey manager;
    private static byte[] keyV1;
    private static byte[] keyV2;
    private static byte[] credentialV1;
    private static byte[] credentialV2;
    private static byte[] update;
    private static byte[] managerV2;

    @BeforeAll
    static void createValidEncodings() {
        manager = GroupManagerKey.generate(5);
        GroupManagerKey.Revocation revocation = manager.revoke(1);
        GroupManagerKey afterTwo = revocation.next().revoke(3).next();
        keyV1 = manager.groupPublicKey().toBytes();
        keyV2 = revocation.next().groupPublicKey().toBytes();
        credentialV1 = manager.mintMember(0).toBytes();
        credentialV2 = revocation.next().mintMember(0).toBytes();
        update = revocation.update().toBytes();
        managerV2 = afterTwo.toBytes(InsecureSecretKeyAccess.get());
    }

    private static List<byte[]> badG2(byte[] validPoint) {
        byte[] identity = new byte[96];
        identity[0] = (byte) 0xc0;
        byte[] uncompressed = validPoint.clone();
        uncompressed[0] &= 0x7f;
        return List.of(identity, compressedG2WithX(false), compressedG2WithX(true), uncompressed);
    }

    @Test
    void theValidEncodingsDecode() {
        assertDoesNotThrow(() -> GroupPublicKey.fromBytes(keyV2));
        assertDoesNotThrow(() -> MemberCredential.fromBytes(credentialV2));
        assertDoesNotThrow(() -> GroupKeyUpdate.fromBytes(update));
        assertDoesNotThrow(() -> GroupManagerKey.fromBytes(managerV2));
    }

    @Test
    void everyBadPointOfAVersion2GroupKeyIsRejected() {
        for (int offset : new int[] {1, 49, 97, G1_AT}) {
            for (byte[] bad : badG1(Arrays.copyOfRange(keyV2, offset, offset + 48))) {
                assertThrows(MalformedEncodingException.class, () -> GroupPublicKey.fromBytes(replace(keyV2, offset, bad)));
            }
        }
        for (int offset : new int[] {145, G2_AT}) {
            for (byte[] bad : badG2(Arrays.copyOfRange(keyV2, offset, offset + 96))) {
                assertThrows(MalformedEncodingException.class, () -> GroupPublicKey.fromBytes(replace(keyV2, offset, bad)));
            }
        }
    }

    @Test
    void aVersion2KeyWithTheStandardGeneratorsIsRejectedAsNotCanonical() {
        byte[] standard = Arrays.copyOf(keyV1, GroupPublicKey.ENCODED_BYTES_V2);
        standard[0] = 2;
        System.arraycopy(Bls12381.G1.compress(), 0, standard, G1_AT, 48);
        System.arraycopy(Bls12381.G2.compress(), 0, standard, G2_AT, 96);

        MalformedEncodingException refused = assertThrows(MalformedEncodingException.class,
                () -> GroupPublicKey.fromBytes(standard));
        assertEquals("a group public key with the standard generators is encoded as version 1", refused.getMessage());
        // One standard generator alone is a version-2 key like any other.
        byte[] oneStandard = replace(keyV2, G1_AT, Bls12381.G1.compress());
        assertDoesNotThrow(() -> GroupPublicKey.fromBytes(oneStandard));
    }

    @Test
    void wrongLengthsAndVersionsOfTheNewEncodingsAreRejected() {
        for (byte[] valid : new byte[][] {keyV2, credentialV2, update}) {
            List<byte[]> bad = new ArrayList<>(List.of(Arrays.copyOf(valid, valid.length - 1),
                    Arrays.copyOf(valid, valid.length + 1), new byte[0]));
            for (int version : new int[] {0, 3, 0xff}) {
                byte[] other = valid.clone();
                other[0] = (byte) version;
                bad.add(other);
            }
            for (byte[] b : bad) {
                assertThrows(MalformedEncodingException.class, () -> GroupPublicKey.fromBytes(b));
                assertThrows(MalformedEncodingException.class, () -> MemberCredential.fromBytes(b));
                assertThrows(MalformedEncodingException.class, () -> GroupKeyUpdate.fromBytes(b));
            }
        }
        // A version-1 key of version-2 length and the reverse.
        byte[] v1Long = keyV2.clone();
        v1Long[0] = 1;
        byte[] v2Short = keyV1.clone();
        v2Short[0] = 2;
        assertThrows(MalformedEncodingException.class, () -> GroupPublicKey.fromBytes(v1Long));
        assertThrows(MalformedEncodingException.class, () -> GroupPublicKey.fromBytes(v2Short));
    }

    @Test
    void aCredentialWhoseVersionIsNotItsKeysIsRejected() {
        byte[] v1HoldingV2 = credentialV2.clone();
        v1HoldingV2[0] = 1;
        byte[] v2HoldingV1 = credentialV1.clone();
        v2HoldingV1[0] = 2;
        byte[] v2LengthHoldingV1Key = credentialV2.clone();
        v2LengthHoldingV1Key[1] = 1;

        for (byte[] bad : new byte[][] {v1HoldingV2, v2HoldingV1, v2LengthHoldingV1Key}) {
            assertThrows(MalformedEncodingException.class, () -> MemberCredential.fromBytes(bad));
        }
    }

    @Test
    void aVersion2CredentialIsCheckedAgainstItsOwnGenerators() {
        int aAt = 1 + GroupPublicKey.ENCODED_BYTES_V2;
        for (byte[] bad : badG1(Arrays.copyOfRange(credentialV2, aAt, aAt + 48))) {
            assertThrows(MalformedEncodingException.class, () -> MemberCredential.fromBytes(replace(credentialV2, aAt, bad)));
        }
        for (BigInteger x : new BigInteger[] {BigInteger.ZERO, Bls12381.R}) {
            byte[] bad = replace(credentialV2, aAt + 48, toBytes(x, 32));
            assertThrows(MalformedEncodingException.class, () -> MemberCredential.fromBytes(bad));
        }
        // The member's old A with the new key: well formed, not a member key of the new group.
        byte[] oldA = replace(credentialV2, aAt, Arrays.copyOfRange(credentialV1, 1 + G1_AT, 1 + G1_AT + 48));
        assertThrows(InvalidMemberCredentialException.class, () -> MemberCredential.fromBytes(oldA));
        // Its new A with the old key.
        byte[] newA = replace(credentialV1, 1 + G1_AT, Arrays.copyOfRange(credentialV2, aAt, aAt + 48));
        assertThrows(InvalidMemberCredentialException.class, () -> MemberCredential.fromBytes(newA));
    }

    @Test
    void everyBadFieldOfAnUpdateIsRejected() {
        for (byte[] bad : badG1(Arrays.copyOfRange(update, 1, 49))) {
            assertThrows(MalformedEncodingException.class, () -> GroupKeyUpdate.fromBytes(replace(update, 1, bad)));
        }
        for (BigInteger x : new BigInteger[] {BigInteger.ZERO, Bls12381.R, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)}) {
            byte[] bad = replace(update, 49, toBytes(x, 32));
            assertThrows(MalformedEncodingException.class, () -> GroupKeyUpdate.fromBytes(bad));
        }
        for (byte[] bad : badG2(Arrays.copyOfRange(update, 81, 177))) {
            assertThrows(MalformedEncodingException.class, () -> GroupKeyUpdate.fromBytes(replace(update, 81, bad)));
        }
    }

    private static byte[] managerKey(int version, int memberCount, int count, int... indexes) {
        ByteBuffer out = ByteBuffer.allocate(41 + 4 * indexes.length).put((byte) version)
                .put(Arrays.copyOfRange(managerV2, 1, 33)).putInt(memberCount).putInt(count);
        for (int index : indexes) {
            out.putInt(index);
        }
        return out.array();
    }

    @Test
    void everyMalformedVersion2ManagerKeyIsRejected() throws Exception {
        assertEquals(List.of(1, 3), GroupManagerKey.fromBytes(managerKey(2, 5, 2, 1, 3)).revokedMembers());

        List<byte[]> bad = List.of(
                managerKey(2, 5, 0),                       // no revocation: that key is version 1
                managerKey(2, 5, 2, 1),                    // fewer indexes than the count
                managerKey(2, 5, 1, 1, 3),                 // more indexes than the count
                managerKey(2, 5, 2, 1, 5),                 // an index not below the member count
                managerKey(2, 5, 2, 1, -1),                // a negative index
                managerKey(2, 5, 2, 3, 3),                 // a member revoked twice
                managerKey(2, 2, 3, 0, 1, 1),              // more revocations than members
                managerKey(2, 5, -1, 1),                   // a count that is negative as an int
                managerKey(3, 5, 2, 1, 3),                 // an unknown version
                Arrays.copyOf(managerV2, 40),              // the count cut short
                Arrays.copyOf(managerV2, managerV2.length - 1),
                Arrays.copyOf(managerV2, managerV2.length + 4));
        for (byte[] b : bad) {
            assertThrows(MalformedEncodingException.class, () -> GroupManagerKey.fromBytes(b), Arrays.toString(b));
        }
        // A version-1 key followed by anything.
        byte[] v1 = manager.toBytes(InsecureSecretKeyAccess.get());
        assertThrows(MalformedEncodingException.class, () -> GroupManagerKey.fromBytes(Arrays.copyOf(v1, v1.length + 4)));
    }

    @Test
    void theRevocationCountIsBounded() {
        int count = GroupManagerKey.MAX_REVOKED_MEMBERS + 1;
        int[] indexes = new int[count];
        Arrays.setAll(indexes, i -> i);

        byte[] tooMany = managerKey(2, count + 1, count, indexes);

        assertThrows(MalformedEncodingException.class, () -> GroupManagerKey.fromBytes(tooMany));
        assertEquals(37 + 4 + 4 * GroupManagerKey.MAX_REVOKED_MEMBERS, GroupManagerKey.MAX_ENCODED_BYTES);
    }
}
