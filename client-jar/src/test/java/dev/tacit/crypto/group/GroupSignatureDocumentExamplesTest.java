package dev.tacit.crypto.group;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.protocol.ProtocolDocumentExamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import supranational.blst.PT;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Recomputes the worked examples of docs/protocol.md §2.2 (§2.2.8 and §2.2.9) from their fixed inputs. */
class GroupSignatureDocumentExamplesTest {

    private static final HexFormat HEX = HexFormat.of();
    /** Only for the worked example: the seven signing nonces are derived from this tag, never in real use. */
    private static final String EXAMPLE_NONCE_DST = "TACIT-V1-BBS-EXAMPLE-NONCE";

    private static ProtocolDocumentExamples document;

    @BeforeAll
    static void loadDocument() {
        document = ProtocolDocumentExamples.load();
    }

    private static GroupManagerKey exampleManager() throws Exception {
        byte[] seed = HEX.parseHex(document.field("bbs-group-key", "manager_seed"));
        int memberCount = Integer.parseInt(document.field("bbs-group-key", "member_count"));
        byte[] encoded = new byte[GroupManagerKey.ENCODED_BYTES_V1];
        encoded[0] = GroupManagerKey.VERSION;
        System.arraycopy(seed, 0, encoded, 1, seed.length);
        encoded[encoded.length - 2] = (byte) (memberCount >>> 8);
        encoded[encoded.length - 1] = (byte) memberCount;
        return GroupManagerKey.fromBytes(encoded);
    }

    private static String scalar(BigInteger value) {
        return HEX.formatHex(Bls12381.encodeScalar(value));
    }

    @Test
    void pairingOfTheGenerators() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("g1", HEX.formatHex(Bls12381.G1.compress()));
        fields.put("g2", HEX.formatHex(Bls12381.G2.compress()));
        fields.put("e_g1_g2", HEX.formatHex(new PT(Bls12381.G1, Bls12381.G2).final_exp().to_bendian()));

        document.assertMatches("bbs-pairing-generators", fields);
    }

    @Test
    void groupKeyDerivedFromTheManagerSeed() throws Exception {
        GroupManagerKey manager = exampleManager();
        GroupPublicKey gpk = manager.groupPublicKey();
        byte[] seed = HEX.parseHex(document.field("bbs-group-key", "manager_seed"));

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("manager_seed", HEX.formatHex(seed));
        fields.put("member_count", Integer.toString(manager.memberCount()));
        fields.put("manager_key", HEX.formatHex(manager.toBytes(InsecureSecretKeyAccess.get())));
        fields.put("gamma", scalar(ExpandMessageXmd.hashToScalar(seed, GroupManagerKey.ISSUING_SECRET_DST)));
        fields.put("xi1", scalar(ExpandMessageXmd.hashToScalar(seed, GroupManagerKey.OPENING_SECRET_1_DST)));
        fields.put("xi2", scalar(ExpandMessageXmd.hashToScalar(seed, GroupManagerKey.OPENING_SECRET_2_DST)));
        fields.put("h", HEX.formatHex(gpk.h().compress()));
        fields.put("u", HEX.formatHex(gpk.u().compress()));
        fields.put("v", HEX.formatHex(gpk.v().compress()));
        fields.put("w", HEX.formatHex(gpk.w().compress()));
        fields.put("group_public_key", HEX.formatHex(gpk.toBytes()));

        document.assertMatches("bbs-group-key", fields);
    }

    @Test
    void memberCredentialMintedFromTheManagerKey() throws Exception {
        GroupManagerKey manager = exampleManager();
        int index = Integer.parseInt(document.field("bbs-member", "index"));
        MemberCredential credential = manager.mintMember(index);
        byte[] encoded = credential.toBytes();
        int aAt = 1 + GroupPublicKey.ENCODED_BYTES_V1;

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("index", Integer.toString(index));
        fields.put("x", HEX.formatHex(encoded, aAt + Bls12381.G1_BYTES, encoded.length));
        fields.put("A", HEX.formatHex(encoded, aAt, aAt + Bls12381.G1_BYTES));
        fields.put("member_credential", HEX.formatHex(encoded));

        document.assertMatches("bbs-member", fields);
        assertEquals(credential, MemberCredential.fromBytes(encoded));
    }

    @Test
    void signatureVerificationAndOpening() throws Exception {
        GroupManagerKey manager = exampleManager();
        int index = Integer.parseInt(document.field("bbs-member", "index"));
        MemberCredential credential = manager.mintMember(index);
        String id = "bbs-signature";
        // The reply's envelope is the one of §3.5's example.
        SealedEnvelope envelope = SealedEnvelope.fromBytes(HEX.parseHex(document.field("e2e-sealed-envelope", "envelope")));
        GroupSignedMessage message = GroupSignedMessage.of(PhoneNumber.of(document.field(id, "recipient")), envelope,
                Instant.ofEpochSecond(Long.parseLong(document.field(id, "timestamp"))));
        BigInteger[] k = new BigInteger[7];
        for (int i = 0; i < k.length; i++) {
            k[i] = ExpandMessageXmd.hashToScalar(new byte[] {(byte) i}, EXAMPLE_NONCE_DST);
        }
        SigningNonces nonces = new SigningNonces(k[0], k[1], k[2], k[3], k[4], k[5], k[6]);

        GroupSignature signature = credential.sign(message, nonces);
        GroupSignatureVerifier withTables = GroupSignatureVerifier.withTables(credential.groupPublicKey());
        GroupSignatureVerifier withoutTables = GroupSignatureVerifier.withoutTables(credential.groupPublicKey());
        Commitments commitments = withoutTables.recomputeCommitments(signature);
        byte[] challengeInput = Challenge.input(credential.groupPublicKey(), message, signature.t1(), signature.t2(),
                signature.t3(), commitments);
        withoutTables.verify(signature, message);
        withTables.verify(signature, message);
        assertEquals(VerifierEquivalenceTest.encode(commitments),
                VerifierEquivalenceTest.encode(withTables.recomputeCommitments(signature)));

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("recipient", message.recipient().e164());
        fields.put("envelope_digest", HEX.formatHex(message.envelopeDigest()));
        fields.put("timestamp", Long.toString(message.timestamp().getEpochSecond()));
        fields.put("message", HEX.formatHex(message.encode()));
        String[] nonceNames = {"alpha", "beta", "r_alpha", "r_beta", "r_x", "r_delta1", "r_delta2"};
        for (int i = 0; i < k.length; i++) {
            fields.put(nonceNames[i], scalar(k[i]));
        }
        fields.put("T1", HEX.formatHex(signature.t1().compress()));
        fields.put("T2", HEX.formatHex(signature.t2().compress()));
        fields.put("T3", HEX.formatHex(signature.t3().compress()));
        fields.put("R1", HEX.formatHex(commitments.r1().compress()));
        fields.put("R2", HEX.formatHex(commitments.r2().compress()));
        fields.put("R3", HEX.formatHex(commitments.r3().to_bendian()));
        fields.put("R4", HEX.formatHex(commitments.r4().compress()));
        fields.put("R5", HEX.formatHex(commitments.r5().compress()));
        fields.put("challenge_input", HEX.formatHex(challengeInput));
        fields.put("c", HEX.formatHex(Bls12381.encodeInteger(signature.challenge(), GroupSignature.CHALLENGE_BYTES)));
        fields.put("s_alpha", scalar(signature.sAlpha()));
        fields.put("s_beta", scalar(signature.sBeta()));
        fields.put("s_x", scalar(signature.sX()));
        fields.put("s_delta1", scalar(signature.sDelta1()));
        fields.put("s_delta2", scalar(signature.sDelta2()));
        fields.put("signature", HEX.formatHex(signature.toBytes()));
        fields.put("opened_index", Integer.toString(manager.open(signature, message)));

        document.assertMatches(id, fields);
    }

    /**
     * §2.2.9: member {@code revoked_index} of the example group is revoked; member 17 (example bbs-member) updates
     * its credential from the update alone and signs the reply of example bbs-signature under the new key, with
     * the nonces for k = 7 … 13. The old example signature no longer verifies.
     */
    @Test
    void revocationOfAMember() throws Exception {
        String id = "bbs-revocation";
        GroupManagerKey manager = exampleManager();
        int revokedIndex = Integer.parseInt(document.field(id, "revoked_index"));
        int memberIndex = Integer.parseInt(document.field("bbs-member", "index"));
        MemberCredential before = MemberCredential.fromBytes(HEX.parseHex(document.field("bbs-member", "member_credential")));

        GroupManagerKey.Revocation revocation = manager.revoke(revokedIndex);
        GroupKeyUpdate update = GroupKeyUpdate.fromBytes(revocation.update().toBytes());
        GroupPublicKey next = GroupPublicKey.fromBytes(manager.groupPublicKey().toBytes()).apply(update);
        MemberCredential after = before.update(update);
        assertEquals(revocation.next().groupPublicKey(), next);
        assertEquals(revocation.next().mintMember(memberIndex), after);
        MemberCredential revoked = manager.mintMember(revokedIndex);
        assertThrows(MemberRevokedException.class, () -> revoked.update(update));

        SealedEnvelope envelope = SealedEnvelope.fromBytes(HEX.parseHex(document.field("e2e-sealed-envelope", "envelope")));
        GroupSignedMessage message = GroupSignedMessage.of(PhoneNumber.of(document.field("bbs-signature", "recipient")),
                envelope, Instant.ofEpochSecond(Long.parseLong(document.field("bbs-signature", "timestamp"))));
        BigInteger[] k = new BigInteger[7];
        for (int i = 0; i < k.length; i++) {
            k[i] = ExpandMessageXmd.hashToScalar(new byte[] {(byte) (7 + i)}, EXAMPLE_NONCE_DST);
        }
        GroupSignature signature = after.sign(message, new SigningNonces(k[0], k[1], k[2], k[3], k[4], k[5], k[6]));
        GroupSignatureVerifier.withoutTables(next).verify(signature, message);
        GroupSignatureVerifier.withTables(next).verify(signature, message);
        GroupSignature oldSignature = GroupSignature.fromBytes(HEX.parseHex(document.field("bbs-signature", "signature")));
        assertThrows(VerificationFailedException.class,
                () -> GroupSignatureVerifier.withoutTables(next).verify(oldSignature, message));

        byte[] updateBytes = update.toBytes();
        byte[] credentialBytes = after.toBytes();
        int aAt = 1 + GroupPublicKey.ENCODED_BYTES_V2;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("revoked_index", Integer.toString(revokedIndex));
        fields.put("x_star", HEX.formatHex(updateBytes, 49, 81));
        fields.put("A_star", HEX.formatHex(updateBytes, 1, 49));
        fields.put("g2_prime", HEX.formatHex(updateBytes, 81, 177));
        fields.put("update", HEX.formatHex(updateBytes));
        fields.put("w_prime", HEX.formatHex(next.w().compress()));
        fields.put("group_public_key", HEX.formatHex(next.toBytes()));
        fields.put("manager_key", HEX.formatHex(revocation.next().toBytes(InsecureSecretKeyAccess.get())));
        fields.put("member_index", Integer.toString(memberIndex));
        fields.put("A_prime", HEX.formatHex(credentialBytes, aAt, aAt + Bls12381.G1_BYTES));
        fields.put("member_credential", HEX.formatHex(credentialBytes));
        fields.put("signature", HEX.formatHex(signature.toBytes()));
        fields.put("opened_index", Integer.toString(revocation.next().open(signature, message)));

        document.assertMatches(id, fields);
    }
}
