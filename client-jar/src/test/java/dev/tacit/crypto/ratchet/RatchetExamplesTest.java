package dev.tacit.crypto.ratchet;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.ExampleAccounts;
import dev.tacit.crypto.identity.TestPki;
import dev.tacit.protocol.ProtocolDocumentExamples;

import static dev.tacit.crypto.identity.ExampleAccounts.counting;
import static dev.tacit.crypto.identity.ExampleAccounts.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks the session-start example of docs/protocol.md §3 against the code. */
class RatchetExamplesTest {

    @Test
    void sessionStartExampleMatchesTheCode() throws Exception {
        ExampleAccounts accounts = new ExampleAccounts();
        TestPki.Account alice = accounts.alice;
        TestPki.Account bob = accounts.bob;
        byte[] plaintext = "Hello, Bob".getBytes(StandardCharsets.UTF_8);
        AgreementKeyPair ephemeral = AgreementKeyPair.fromPrivateBytes(counting(0xb0));
        AgreementKeyPair ratchetKey = AgreementKeyPair.fromPrivateBytes(counting(0xc0));

        RatchetSession.Initiated initiated = RatchetSession.initiate(alice.identity.publicKey(),
                bob.bundle.verify(accounts.verifier(), ExampleAccounts.NOW), new ScriptedRandom(counting(0xb0), counting(0xc0)));
        RatchetMessage message = initiated.session().encrypt(plaintext);

        byte[] dh = ephemeral.agree(bob.preKey.publicKey());
        byte[] sk = RatchetKdf.x3dhSecret(dh, RatchetKdf.concat(alice.identity.publicKey().toBytes(), bob.identity.publicKey().toBytes(),
                bob.preKey.publicKey().toBytes(), ephemeral.publicKey().toBytes()));
        byte[][] root = RatchetKdf.rootStep(sk, ratchetKey.agree(bob.preKey.publicKey()));
        byte[][] chain = RatchetKdf.chainStep(root[1]);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("initiator_identity_public", hex(alice.identity.publicKey().toBytes()));
        fields.put("responder_identity_public", hex(bob.identity.publicKey().toBytes()));
        fields.put("responder_pre_key_private", hex(counting(0x90)));
        fields.put("responder_pre_key_public", hex(bob.preKey.publicKey().toBytes()));
        fields.put("ephemeral_private", hex(counting(0xb0)));
        fields.put("ratchet_private", hex(counting(0xc0)));
        fields.put("plaintext", hex(plaintext));
        fields.put("session_initiation", hex(initiated.initiation().toBytes()));
        fields.put("x3dh_dh", hex(dh));
        fields.put("sk", hex(sk));
        fields.put("root_key_1", hex(root[0]));
        fields.put("sending_chain_key_1", hex(root[1]));
        fields.put("message_key_0", hex(chain[1]));
        fields.put("sending_chain_key_2", hex(chain[0]));
        fields.put("ratchet_message", hex(message.toBytes()));

        ProtocolDocumentExamples.load().assertMatches("e2e-session-start", fields);
        assertEquals(ratchetKey.publicKey(), message.header().ratchetKey);
        RatchetSession responder = RatchetSession.accept(bob.identity.publicKey(), 7, bob.preKey, alice.identity.publicKey(),
                initiated.initiation(), new SecureRandom());
        assertArrayEquals(plaintext, responder.decrypt(RatchetMessage.fromBytes(message.toBytes())));
    }

    /** Hands out the given byte strings in order, so the initiator's ephemeral and ratchet keys are the example's. */
    private static final class ScriptedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final Deque<byte[]> outputs = new ArrayDeque<>();

        ScriptedRandom(byte[]... outputs) {
            for (byte[] output : outputs) {
                this.outputs.add(output);
            }
        }

        @Override
        public void nextBytes(byte[] bytes) {
            byte[] next = outputs.removeFirst();
            if (next.length != bytes.length) {
                throw new IllegalStateException("unexpected request for " + bytes.length + " bytes");
            }
            System.arraycopy(next, 0, bytes, 0, bytes.length);
        }
    }
}
