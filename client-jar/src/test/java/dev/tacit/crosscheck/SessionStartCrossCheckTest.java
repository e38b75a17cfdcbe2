package dev.tacit.crosscheck;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.IdentityPublicKey;
import dev.tacit.crypto.ratchet.RatchetMessage;
import dev.tacit.crypto.ratchet.RatchetSession;
import dev.tacit.crypto.ratchet.SessionInitiation;
import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crosscheck.Octets.concat;
import static dev.tacit.crosscheck.Octets.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/protocol.md §3.7's session start recomputed on the JDK (SunEC X25519 and Ed25519, SunJCE HMAC and
 * ChaCha20-Poly1305) with HKDF and the ratchet's KDFs written from the document; then both ways between Tacit and the
 * independent code on fresh keys: Tacit accepts an independent initiator's first message, and the independent side
 * reads Tacit's reply after one Diffie-Hellman ratchet step.
 */
class SessionStartCrossCheckTest {

    /** Bob's signed pre-key id and identity seed, as §3.2 states them for the examples. */
    private static final long PRE_KEY_ID = 7;
    private static final byte[] RESPONDER_IDENTITY_SEED = counting(0x40);

    private static Map<String, String> example;
    private static byte[] initiatorIdentity;
    private static byte[] responderIdentity;

    @BeforeAll
    static void readTheDocument() throws GeneralSecurityException {
        ProtocolDocumentExamples document = ProtocolDocumentExamples.load();
        example = document.example("e2e-session-start");
        initiatorIdentity = JdkCurve25519.ed25519Public(hex(document.field("e2e-certificates", "identity_seed")));
        responderIdentity = JdkCurve25519.ed25519Public(RESPONDER_IDENTITY_SEED);
    }

    private static byte[] counting(int start) {
        byte[] out = new byte[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (start + i);
        }
        return out;
    }

    private static byte[] field(String name) {
        return hex(example.get(name));
    }

    @Test
    void exampleSessionStartIsReproduced() throws GeneralSecurityException {
        byte[] preKeyPublic = JdkCurve25519.x25519Public(field("responder_pre_key_private"));
        byte[] ephemeralPublic = JdkCurve25519.x25519Public(field("ephemeral_private"));
        byte[] ratchetPublic = JdkCurve25519.x25519Public(field("ratchet_private"));

        byte[] dh = JdkCurve25519.x25519(field("ephemeral_private"), preKeyPublic);
        byte[] sk = SpecRatchet.sessionKey(dh, initiatorIdentity, responderIdentity, preKeyPublic, ephemeralPublic);
        byte[][] root = SpecRatchet.rootStep(sk, JdkCurve25519.x25519(field("ratchet_private"), preKeyPublic));
        byte[][] chain = SpecRatchet.chainStep(root[1]);
        byte[] message = SpecRatchet.encrypt(chain[1], concat(initiatorIdentity, responderIdentity), ratchetPublic, 0, 0,
                field("plaintext"));

        assertEquals(example.get("initiator_identity_public"), hex(initiatorIdentity));
        assertEquals(example.get("responder_identity_public"), hex(responderIdentity));
        assertEquals(example.get("responder_pre_key_public"), hex(preKeyPublic));
        assertEquals(example.get("session_initiation"), hex(SpecRatchet.sessionInitiation(PRE_KEY_ID, ephemeralPublic)));
        assertEquals(example.get("x3dh_dh"), hex(dh));
        assertEquals(example.get("sk"), hex(sk));
        assertEquals(example.get("root_key_1"), hex(root[0]));
        assertEquals(example.get("sending_chain_key_1"), hex(root[1]));
        assertEquals(example.get("message_key_0"), hex(chain[1]));
        assertEquals(example.get("sending_chain_key_2"), hex(chain[0]));
        assertEquals(example.get("ratchet_message"), hex(message));
    }

    @Test
    void responderSideOfTheExampleDecryptsWithThePreKey() throws GeneralSecurityException {
        byte[] preKeyPrivate = field("responder_pre_key_private");
        byte[] initiation = field("session_initiation");
        byte[] ratchetMessage = field("ratchet_message");
        byte[] ephemeralPublic = Octets.slice(initiation, 5, 37);
        byte[] initiatorRatchetKey = Octets.slice(ratchetMessage, 1, 33);

        byte[] sk = SpecRatchet.sessionKey(JdkCurve25519.x25519(preKeyPrivate, ephemeralPublic), initiatorIdentity, responderIdentity,
                JdkCurve25519.x25519Public(preKeyPrivate), ephemeralPublic);
        byte[][] root = SpecRatchet.rootStep(sk, JdkCurve25519.x25519(preKeyPrivate, initiatorRatchetKey));
        byte[] messageKey = SpecRatchet.chainStep(root[1])[1];

        assertArrayEquals(field("plaintext"), SpecRatchet.decrypt(messageKey, concat(initiatorIdentity, responderIdentity), ratchetMessage));
    }

    @Test
    void tacitAndTheIndependentInitiatorTalkBothWays() throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] ephemeralPrivate = new byte[32];
        byte[] ratchetPrivate = new byte[32];
        random.nextBytes(ephemeralPrivate);
        random.nextBytes(ratchetPrivate);
        byte[] preKeyPublic = JdkCurve25519.x25519Public(field("responder_pre_key_private"));
        byte[] ephemeralPublic = JdkCurve25519.x25519Public(ephemeralPrivate);
        byte[] ratchetPublic = JdkCurve25519.x25519Public(ratchetPrivate);
        byte[] ad = concat(initiatorIdentity, responderIdentity);
        byte[] sk = SpecRatchet.sessionKey(JdkCurve25519.x25519(ephemeralPrivate, preKeyPublic), initiatorIdentity, responderIdentity,
                preKeyPublic, ephemeralPublic);
        byte[][] root = SpecRatchet.rootStep(sk, JdkCurve25519.x25519(ratchetPrivate, preKeyPublic));
        byte[] first = "First, from outside Tacit".getBytes(StandardCharsets.UTF_8);
        byte[] firstMessage = SpecRatchet.encrypt(SpecRatchet.chainStep(root[1])[1], ad, ratchetPublic, 0, 0, first);

        RatchetSession responder = RatchetSession.accept(IdentityPublicKey.fromBytes(responderIdentity), PRE_KEY_ID,
                AgreementKeyPair.fromPrivateBytes(field("responder_pre_key_private")), IdentityPublicKey.fromBytes(initiatorIdentity),
                SessionInitiation.fromBytes(SpecRatchet.sessionInitiation(PRE_KEY_ID, ephemeralPublic)), random);
        assertArrayEquals(first, responder.decrypt(RatchetMessage.fromBytes(firstMessage)));

        byte[] reply = "Reply, from Tacit".getBytes(StandardCharsets.UTF_8);
        byte[] replyMessage = responder.encrypt(reply).toBytes();
        byte[] responderRatchetKey = Octets.slice(replyMessage, 1, 33);
        byte[][] receiving = SpecRatchet.rootStep(root[0], JdkCurve25519.x25519(ratchetPrivate, responderRatchetKey));
        assertArrayEquals(reply, SpecRatchet.decrypt(SpecRatchet.chainStep(receiving[1])[1], ad, replyMessage));
    }
}
