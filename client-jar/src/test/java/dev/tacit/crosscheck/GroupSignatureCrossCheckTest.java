package dev.tacit.crosscheck;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.group.TestReplies;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crosscheck.MilagroBls12381.R;
import static dev.tacit.crosscheck.MilagroBls12381.encodeG1;
import static dev.tacit.crosscheck.MilagroBls12381.encodeG2;
import static dev.tacit.crosscheck.MilagroBls12381.encodeGt;
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
 * docs/protocol.md §2.2.8 recomputed on Apache Milagro's pure-Java BLS12-381 (no blst, no Bouncy Castle) from the
 * document's definitions: generators and pairing, the group key and member key from the seed, the example signature
 * from its nonces, its verification and opening; and both ways between Tacit and the independent code on fresh
 * signatures. Only h = hash_to_G1(seed, ...) is taken from the document: Milagro has no RFC 9380 hash to curve.
 */
class GroupSignatureCrossCheckTest {

    private static final String NONCE_DST = "TACIT-V1-BBS-EXAMPLE-NONCE";

    private static Map<String, String> pairingExample;
    private static Map<String, String> groupExample;
    private static Map<String, String> memberExample;
    private static Map<String, String> signatureExample;
    private static Map<String, String> envelopeExample;
    private static IndependentBbs.GroupKey groupKey;
    private static byte[] seed;

    @BeforeAll
    static void readTheDocument() {
        ProtocolDocumentExamples document = ProtocolDocumentExamples.load();
        pairingExample = document.example("bbs-pairing-generators");
        groupExample = document.example("bbs-group-key");
        memberExample = document.example("bbs-member");
        signatureExample = document.example("bbs-signature");
        envelopeExample = document.example("e2e-sealed-envelope");
        groupKey = new IndependentBbs.GroupKey(hex(groupExample.get("group_public_key")));
        seed = hex(groupExample.get("manager_seed"));
    }

    private static BigInteger secret(String dst) throws GeneralSecurityException {
        return Xmd.hashToScalar(seed, dst, R);
    }

    private static BigInteger memberSecret(int index) throws GeneralSecurityException {
        return Xmd.hashToScalar(concat(seed, i2osp(index, 4)), IndependentBbs.MEMBER_SECRET_DST, R);
    }

    private static String scalarHex(BigInteger value) {
        return hex(i2osp(value, IndependentBbs.SCALAR_BYTES));
    }

    /** The example signs a reply whose envelope is §3.5's example envelope. */
    private static byte[] exampleMessage() throws GeneralSecurityException {
        return IndependentBbs.message(signatureExample.get("recipient"), hex(envelopeExample.get("envelope")),
                Long.parseLong(signatureExample.get("timestamp")));
    }

    private static BigInteger[] exampleNonces() throws GeneralSecurityException {
        BigInteger[] nonces = new BigInteger[7];
        for (int k = 0; k < nonces.length; k++) {
            nonces[k] = Xmd.hashToScalar(i2osp(k, 1), NONCE_DST, R);
        }
        return nonces;
    }

    @Test
    void generatorsAndTheirPairingAreMilagros() {
        assertEquals(pairingExample.get("g1"), hex(encodeG1(g1())));
        assertEquals(pairingExample.get("g2"), hex(encodeG2(g2())));
        assertEquals(pairingExample.get("e_g1_g2"), hex(encodeGt(pairing(g1(), g2()))));
        assertTrue(MilagroBls12381.decodeG1(hex(pairingExample.get("g1"))).equals(g1()));
        assertTrue(MilagroBls12381.decodeG2(hex(pairingExample.get("g2"))).equals(g2()));
    }

    @Test
    void groupKeyFollowsFromTheSeed() throws GeneralSecurityException {
        BigInteger gamma = secret("TACIT-V1-BBS-ISSUING-SECRET");
        BigInteger xi1 = secret("TACIT-V1-BBS-OPENING-SECRET-1");
        BigInteger xi2 = secret("TACIT-V1-BBS-OPENING-SECRET-2");
        int memberCount = Integer.parseInt(groupExample.get("member_count"));

        assertEquals(groupExample.get("manager_key"), hex(concat(new byte[] {1}, seed, i2osp(memberCount, 4))));
        assertEquals(groupExample.get("gamma"), scalarHex(gamma));
        assertEquals(groupExample.get("xi1"), scalarHex(xi1));
        assertEquals(groupExample.get("xi2"), scalarHex(xi2));
        assertEquals(groupExample.get("h"), hex(encodeG1(groupKey.h)));
        assertEquals(groupExample.get("u"), hex(encodeG1(mul(groupKey.h, xi1.modInverse(R)))));
        assertEquals(groupExample.get("v"), hex(encodeG1(mul(groupKey.h, xi2.modInverse(R)))));
        assertEquals(groupExample.get("w"), hex(encodeG2(mul(g2(), gamma))));
        assertEquals(groupExample.get("group_public_key"), hex(concat(new byte[] {1}, hex(groupExample.get("h")),
                hex(groupExample.get("u")), hex(groupExample.get("v")), hex(groupExample.get("w")))));
    }

    @Test
    void memberKeyFollowsFromTheSeedAndSatisfiesThePairingEquation() throws GeneralSecurityException {
        int index = Integer.parseInt(memberExample.get("index"));
        BigInteger gamma = secret("TACIT-V1-BBS-ISSUING-SECRET");
        BigInteger x = memberSecret(index);
        ECP a = mul(g1(), gamma.add(x).modInverse(R));

        assertEquals(memberExample.get("x"), scalarHex(x));
        assertEquals(memberExample.get("A"), hex(encodeG1(a)));
        assertEquals(memberExample.get("member_credential"),
                hex(concat(new byte[] {1}, groupKey.encoded, encodeG1(a), i2osp(x, IndependentBbs.SCALAR_BYTES))));
        ECP2 wTimesG2X = product(groupKey.w, mul(g2(), x));
        assertTrue(pairing(a, wTimesG2X).equals(pairing(g1(), g2())), "e(A, w·g2^x) = e(g1, g2)");
    }

    @Test
    void exampleSignatureIsReproducedFromItsNonces() throws GeneralSecurityException {
        BigInteger[] nonces = exampleNonces();
        String[] names = {"alpha", "beta", "r_alpha", "r_beta", "r_x", "r_delta1", "r_delta2"};
        for (int k = 0; k < nonces.length; k++) {
            assertEquals(signatureExample.get(names[k]), scalarHex(nonces[k]), names[k]);
        }
        byte[] message = exampleMessage();
        ECP a = MilagroBls12381.decodeG1(hex(memberExample.get("A")));

        byte[] signature = IndependentBbs.sign(groupKey, a, memberSecret(Integer.parseInt(memberExample.get("index"))), message,
                nonces);

        assertEquals(signatureExample.get("envelope_digest"),
                hex(MessageDigest.getInstance("SHA-256", "SUN").digest(hex(envelopeExample.get("envelope")))));
        assertEquals(signatureExample.get("message"), hex(message));
        assertEquals(signatureExample.get("signature"), hex(signature));
    }

    @Test
    void exampleSignatureVerifiesAndOpensByTheDocumentAlone() throws GeneralSecurityException {
        byte[] signature = hex(signatureExample.get("signature"));
        IndependentBbs.Signature decoded = IndependentBbs.Signature.decode(signature);

        IndependentBbs.Commitments commitments = IndependentBbs.recompute(groupKey, decoded);

        assertEquals(signatureExample.get("R1"), hex(encodeG1(commitments.r1())));
        assertEquals(signatureExample.get("R2"), hex(encodeG1(commitments.r2())));
        assertEquals(signatureExample.get("R3"), hex(encodeGt(commitments.r3())));
        assertEquals(signatureExample.get("R4"), hex(encodeG1(commitments.r4())));
        assertEquals(signatureExample.get("R5"), hex(encodeG1(commitments.r5())));
        assertEquals(signatureExample.get("challenge_input"), hex(IndependentBbs.challengeInput(groupKey, decoded.t1Bytes(),
                decoded.t2Bytes(), decoded.t3Bytes(), commitments, exampleMessage())));
        assertEquals(decoded.c(), IndependentBbs.challenge(groupKey, decoded, commitments, exampleMessage()), "c");
        ECP opened = IndependentBbs.open(decoded, secret("TACIT-V1-BBS-OPENING-SECRET-1"), secret("TACIT-V1-BBS-OPENING-SECRET-2"));
        assertEquals(memberExample.get("A"), hex(encodeG1(opened)));
    }

    @Test
    void alteredExampleSignatureOrMessageIsRejected() throws GeneralSecurityException {
        byte[] signature = hex(signatureExample.get("signature"));
        byte[] altered = signature.clone();
        altered[altered.length - 1] ^= 1; // s_δ2 changes by one, still below r
        long timestamp = Long.parseLong(signatureExample.get("timestamp"));
        byte[] laterMessage = IndependentBbs.message(signatureExample.get("recipient"), hex(envelopeExample.get("envelope")),
                timestamp + 1);

        assertFalse(IndependentBbs.verify(groupKey, altered, exampleMessage()));
        assertFalse(IndependentBbs.verify(groupKey, signature, laterMessage));
    }

    @Test
    void tacitAcceptsAndOpensASignatureOfTheIndependentSigner() throws Exception {
        SecureRandom random = new SecureRandom();
        BigInteger[] nonces = new BigInteger[7];
        for (int k = 0; k < nonces.length; k++) {
            nonces[k] = new BigInteger(1, random.generateSeed(48)).mod(R);
        }
        SealedEnvelope envelope = TestReplies.randomEnvelope(random);
        Instant timestamp = Instant.ofEpochSecond(1_800_000_000L);
        ECP a = MilagroBls12381.decodeG1(hex(memberExample.get("A")));
        int index = Integer.parseInt(memberExample.get("index"));

        byte[] signature = IndependentBbs.sign(groupKey, a, memberSecret(index),
                IndependentBbs.message("+15550199", envelope.toBytes(), timestamp.getEpochSecond()), nonces);

        GroupManagerKey manager = GroupManagerKey.fromBytes(hex(groupExample.get("manager_key")));
        GroupSignedMessage message = GroupSignedMessage.of(PhoneNumber.of("+15550199"), envelope, timestamp);
        GroupSignatureVerifier.withoutTables(manager.groupPublicKey()).verify(GroupSignature.fromBytes(signature), message);
        GroupSignatureVerifier.withTables(manager.groupPublicKey()).verify(GroupSignature.fromBytes(signature), message);
        assertEquals(index, manager.open(GroupSignature.fromBytes(signature), message));
    }

    @Test
    void independentVerifierAcceptsAFreshTacitSignature() throws Exception {
        MemberCredential credential = MemberCredential.fromBytes(hex(memberExample.get("member_credential")));
        SealedEnvelope envelope = TestReplies.randomEnvelope(new SecureRandom());
        Instant timestamp = Instant.ofEpochSecond(1_800_000_000L);

        byte[] signature = credential.sign(GroupSignedMessage.of(PhoneNumber.of("+15550199"), envelope, timestamp)).toBytes();

        assertTrue(IndependentBbs.verify(groupKey, signature,
                IndependentBbs.message("+15550199", envelope.toBytes(), timestamp.getEpochSecond())));
    }
}
