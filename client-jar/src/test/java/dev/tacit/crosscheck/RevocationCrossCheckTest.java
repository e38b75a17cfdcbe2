package dev.tacit.crosscheck;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.group.TestReplies;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crosscheck.MilagroBls12381.R;
import static dev.tacit.crosscheck.MilagroBls12381.encodeG1;
import static dev.tacit.crosscheck.MilagroBls12381.encodeG2;
import static dev.tacit.crosscheck.MilagroBls12381.g1;
import static dev.tacit.crosscheck.MilagroBls12381.g2;
import static dev.tacit.crosscheck.MilagroBls12381.mul;
import static dev.tacit.crosscheck.MilagroBls12381.pairing;
import static dev.tacit.crosscheck.MilagroBls12381.product;
import static dev.tacit.crosscheck.Octets.concat;
import static dev.tacit.crosscheck.Octets.hex;
import static dev.tacit.crosscheck.Octets.i2osp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/protocol.md §2.2.9 recomputed on Apache Milagro's BLS12-381 and BigInteger arithmetic from the document's
 * definitions alone (no blst): the update from the manager's γ and the revoked x*, the next group key, both checks,
 * the remaining member's A' by the members' formula and by the manager's, the example signature from its nonces,
 * its verification under the new key and not the old, and its opening.
 */
class RevocationCrossCheckTest {

    private static final String NONCE_DST = "TACIT-V1-BBS-EXAMPLE-NONCE";

    private static Map<String, String> groupExample;
    private static Map<String, String> memberExample;
    private static Map<String, String> signatureExample;
    private static Map<String, String> envelopeExample;
    private static Map<String, String> revocation;
    private static IndependentBbs.GroupKey oldKey;
    private static byte[] seed;
    private static BigInteger gamma;
    private static BigInteger revokedX;
    private static BigInteger t;

    @BeforeAll
    static void readTheDocument() throws GeneralSecurityException {
        ProtocolDocumentExamples document = ProtocolDocumentExamples.load();
        groupExample = document.example("bbs-group-key");
        memberExample = document.example("bbs-member");
        signatureExample = document.example("bbs-signature");
        envelopeExample = document.example("e2e-sealed-envelope");
        revocation = document.example("bbs-revocation");
        oldKey = new IndependentBbs.GroupKey(hex(groupExample.get("group_public_key")));
        seed = hex(groupExample.get("manager_seed"));
        gamma = Xmd.hashToScalar(seed, "TACIT-V1-BBS-ISSUING-SECRET", R);
        revokedX = memberSecret(Integer.parseInt(revocation.get("revoked_index")));
        t = gamma.add(revokedX).modInverse(R);
    }

    private static BigInteger memberSecret(int index) throws GeneralSecurityException {
        return Xmd.hashToScalar(concat(seed, i2osp(index, 4)), IndependentBbs.MEMBER_SECRET_DST, R);
    }

    private static String scalarHex(BigInteger value) {
        return hex(i2osp(value, IndependentBbs.SCALAR_BYTES));
    }

    private static boolean samePairing(ECP a, ECP2 b, ECP c, ECP2 d) {
        return pairing(a, b).equals(pairing(c, d));
    }

    @Test
    void theUpdateFollowsFromTheManagersSecrets() {
        ECP revokedA = mul(g1(), t);
        ECP2 nextG2 = mul(g2(), t);

        assertEquals(revocation.get("x_star"), scalarHex(revokedX));
        assertEquals(revocation.get("A_star"), hex(encodeG1(revokedA)));
        assertEquals(revocation.get("g2_prime"), hex(encodeG2(nextG2)));
        assertEquals(revocation.get("update"),
                hex(concat(new byte[] {1}, encodeG1(revokedA), i2osp(revokedX, 32), encodeG2(nextG2))));
        assertEquals(revocation.get("manager_key"), hex(concat(new byte[] {2}, seed,
                i2osp(Integer.parseInt(groupExample.get("member_count")), 4), i2osp(1, 4),
                i2osp(Integer.parseInt(revocation.get("revoked_index")), 4))));
    }

    @Test
    void theNextKeyIsPublicArithmeticOnTheUpdateAndMatchesTheManagers() {
        ECP revokedA = MilagroBls12381.decodeG1(hex(revocation.get("A_star")));
        ECP2 nextG2 = MilagroBls12381.decodeG2(hex(revocation.get("g2_prime")));

        ECP2 publicW = product(g2(), mul(nextG2, revokedX.negate().mod(R)));

        assertEquals(hex(encodeG2(mul(nextG2, gamma))), hex(encodeG2(publicW)), "g2 · g2'^(−x*) = g2'^γ");
        assertEquals(revocation.get("w_prime"), hex(encodeG2(publicW)));
        byte[] old = oldKey.encoded;
        assertEquals(revocation.get("group_public_key"), hex(concat(new byte[] {2}, java.util.Arrays.copyOfRange(old, 1, 145),
                encodeG2(publicW), encodeG1(revokedA), encodeG2(nextG2))));
    }

    @Test
    void bothChecksHoldForTheUpdateAndEachCatchesAForgery() {
        ECP revokedA = MilagroBls12381.decodeG1(hex(revocation.get("A_star")));
        ECP2 nextG2 = MilagroBls12381.decodeG2(hex(revocation.get("g2_prime")));
        ECP2 wTimesG2X = product(oldKey.w, mul(g2(), revokedX));

        assertTrue(samePairing(revokedA, g2(), g1(), nextG2), "e(A*, g2) = e(g1, g2')");
        assertTrue(samePairing(revokedA, wTimesG2X, g1(), g2()), "e(A*, w·g2^x*) = e(g1, g2)");

        BigInteger s = new BigInteger(250, new SecureRandom());
        // g1^s, g2^s: the first check passes, the second does not.
        assertTrue(samePairing(mul(g1(), s), g2(), g1(), mul(g2(), s)));
        assertFalse(samePairing(mul(g1(), s), wTimesG2X, g1(), g2()));
        // The real A* and x* with another g2': the second check passes, the first does not.
        assertFalse(samePairing(revokedA, g2(), g1(), mul(g2(), s)));
    }

    @Test
    void theRemainingMembersNewKeyByTheMembersFormulaAndTheManagers() throws GeneralSecurityException {
        BigInteger x = memberSecret(Integer.parseInt(revocation.get("member_index")));
        ECP a = MilagroBls12381.decodeG1(hex(memberExample.get("A")));
        ECP revokedA = MilagroBls12381.decodeG1(hex(revocation.get("A_star")));
        IndependentBbs.GroupKey next = new IndependentBbs.GroupKey(hex(revocation.get("group_public_key")));

        ECP minusA = new ECP(a);
        minusA.neg();
        ECP byMember = mul(product(revokedA, minusA), x.subtract(revokedX).mod(R).modInverse(R));
        ECP byManager = mul(revokedA, gamma.add(x).modInverse(R));

        assertEquals(hex(encodeG1(byManager)), hex(encodeG1(byMember)));
        assertEquals(revocation.get("A_prime"), hex(encodeG1(byMember)));
        assertTrue(samePairing(byMember, product(next.w, mul(next.g2, x)), next.g1, next.g2), "e(A', w'·g2'^x) = e(g1', g2')");
        assertEquals(revocation.get("member_credential"), hex(concat(new byte[] {2}, next.encoded, encodeG1(byMember),
                i2osp(x, IndependentBbs.SCALAR_BYTES))));
    }

    @Test
    void theSignatureUnderTheNewKeyIsReproducedVerifiedAndOpened() throws GeneralSecurityException {
        IndependentBbs.GroupKey next = new IndependentBbs.GroupKey(hex(revocation.get("group_public_key")));
        byte[] message = IndependentBbs.message(signatureExample.get("recipient"), hex(envelopeExample.get("envelope")),
                Long.parseLong(signatureExample.get("timestamp")));
        BigInteger[] nonces = new BigInteger[7];
        for (int k = 0; k < nonces.length; k++) {
            nonces[k] = Xmd.hashToScalar(i2osp(7 + k, 1), NONCE_DST, R);
        }
        ECP newA = MilagroBls12381.decodeG1(hex(revocation.get("A_prime")));
        BigInteger x = memberSecret(Integer.parseInt(revocation.get("member_index")));

        byte[] signature = IndependentBbs.sign(next, newA, x, message, nonces);

        assertEquals(revocation.get("signature"), hex(signature));
        assertTrue(IndependentBbs.verify(next, signature, message));
        assertFalse(IndependentBbs.verify(oldKey, signature, message), "not under the key before the revocation");
        assertFalse(IndependentBbs.verify(next, hex(signatureExample.get("signature")), message),
                "the signature of §2.2.8, made under the old key, does not verify under the new one");
        ECP opened = IndependentBbs.open(IndependentBbs.Signature.decode(signature),
                Xmd.hashToScalar(seed, "TACIT-V1-BBS-OPENING-SECRET-1", R), Xmd.hashToScalar(seed, "TACIT-V1-BBS-OPENING-SECRET-2", R));
        assertEquals(revocation.get("A_prime"), hex(encodeG1(opened)));
    }

    @Test
    void theIndependentVerifierAcceptsAFreshTacitSignatureUnderTheNewKey() throws Exception {
        MemberCredential credential = MemberCredential.fromBytes(hex(revocation.get("member_credential")));
        SealedEnvelope envelope = TestReplies.randomEnvelope(new SecureRandom());
        Instant timestamp = Instant.ofEpochSecond(1_800_000_000L);

        byte[] signature = credential.sign(GroupSignedMessage.of(PhoneNumber.of("+15550199"), envelope, timestamp)).toBytes();

        byte[] message = IndependentBbs.message("+15550199", envelope.toBytes(), timestamp.getEpochSecond());
        assertTrue(IndependentBbs.verify(new IndependentBbs.GroupKey(hex(revocation.get("group_public_key"))), signature, message));
        assertFalse(IndependentBbs.verify(oldKey, signature, message));
    }
}
