package dev.tacit.crypto.ratchet;

import java.security.SecureRandom;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;

import org.bouncycastle.crypto.InvalidCipherTextException;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.AgreementPublicKey;
import dev.tacit.crypto.identity.IdentityPublicKey;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * One side of a Double Ratchet session (Signal specification, revision 4) started by an X3DH-style agreement
 * against the peer's signed pre-key. Handles out-of-order and lost messages through a bounded store of skipped
 * message keys, rejects replays, and heals after a state compromise with every DH ratchet step.
 *
 * <p>Decryption is transactional: a message that fails to decrypt leaves the session exactly as it was. The
 * session is mutable and not thread-safe; persist it with {@link #toBytes()} after every operation.
 */
public final class RatchetSession {

    /** Most message keys one incoming message may make the session skip (MAX_SKIP of the specification). */
    public static final int MAX_SKIP = 1000;
    /** Most skipped message keys kept at once; the oldest are discarded first. */
    public static final int MAX_STORED_SKIPPED_KEYS = 2000;
    /** Most previous receiving ratchet keys remembered to recognise replays from finished chains. */
    public static final int MAX_RETIRED_RATCHET_KEYS = 64;
    private static final int STATE_VERSION = 1;

    private final SecureRandom random;
    private final IdentityPublicKey initiatorIdentity;
    private final IdentityPublicKey responderIdentity;
    private final boolean initiator;
    private State state;

    private RatchetSession(SecureRandom random, IdentityPublicKey initiatorIdentity, IdentityPublicKey responderIdentity,
                           boolean initiator, State state) {
        this.random = Objects.requireNonNull(random);
        this.initiatorIdentity = initiatorIdentity;
        this.responderIdentity = responderIdentity;
        this.initiator = initiator;
        this.state = state;
    }

    /**
     * Starts a session to {@code peer}: SK from DH(EK, SPK_peer), then the initiator's first DH ratchet step.
     * Send {@link Initiated#initiation()} alongside the first message.
     */
    public static Initiated initiate(IdentityPublicKey ownIdentity, VerifiedKeyBundle peer, SecureRandom random) {
        AgreementKeyPair ephemeral = AgreementKeyPair.generate(random);
        IdentityPublicKey peerIdentity = peer.identity().identityKey();
        try {
            byte[] sk = sharedSecret(ephemeral.agree(peer.preKey()), ownIdentity, peerIdentity, peer.preKey(), ephemeral.publicKey());
            State state = new State();
            state.sendingKey = AgreementKeyPair.generate(random);
            state.receivingKey = peer.preKey();
            byte[][] root = RatchetKdf.rootStep(sk, state.sendingKey.agree(state.receivingKey));
            state.rootKey = root[0];
            state.sendingChain = root[1];
            RatchetSession session = new RatchetSession(random, ownIdentity, peerIdentity, true, state);
            return new Initiated(session, new SessionInitiation(peer.preKeyId(), ephemeral.publicKey()));
        } catch (VerificationFailedException lowOrder) {
            throw new IllegalStateException("verified pre-key is a low-order point", lowOrder);
        }
    }

    /**
     * Accepts a session started by {@code peerIdentity} (as certified on the envelope that carried the initiation)
     * against this account's signed pre-key.
     *
     * @throws UnknownPreKeyException if the initiation names another pre-key
     * @throws VerificationFailedException if the initiator's ephemeral key is a low-order point
     */
    public static RatchetSession accept(IdentityPublicKey ownIdentity, long preKeyId, AgreementKeyPair preKey,
                                        IdentityPublicKey peerIdentity, SessionInitiation initiation, SecureRandom random)
            throws VerificationFailedException {
        if (initiation.preKeyId() != preKeyId) {
            throw new UnknownPreKeyException("initiation uses pre-key " + initiation.preKeyId() + ", not " + preKeyId);
        }
        State state = new State();
        state.sendingKey = preKey;
        state.rootKey = sharedSecret(preKey.agree(initiation.ephemeralKey()), peerIdentity, ownIdentity, preKey.publicKey(),
                initiation.ephemeralKey());
        return new RatchetSession(random, peerIdentity, ownIdentity, false, state);
    }

    private static byte[] sharedSecret(byte[] dh, IdentityPublicKey initiator, IdentityPublicKey responder,
                                       AgreementPublicKey preKey, AgreementPublicKey ephemeral) {
        return RatchetKdf.x3dhSecret(dh, RatchetKdf.concat(initiator.toBytes(), responder.toBytes(), preKey.toBytes(),
                ephemeral.toBytes()));
    }

    /** RatchetEncrypt: the next message of the sending chain. */
    public RatchetMessage encrypt(byte[] plaintext) {
        if (state.sendingChain == null) {
            throw new IllegalStateException("the responder can send only after the initiator's first message arrived");
        }
        byte[][] step = RatchetKdf.chainStep(state.sendingChain);
        state.sendingChain = step[0];
        RatchetHeader header = new RatchetHeader(state.sendingKey.publicKey(), state.previousSendingLength, state.sendingNumber);
        state.sendingNumber++;
        RatchetMessage unsent = new RatchetMessage(header, new byte[0]);
        byte[] ciphertext = RatchetKdf.encrypt(step[1], plaintext, associatedData(unsent));
        return new RatchetMessage(header, ciphertext);
    }

    /**
     * RatchetDecrypt, committed only if the message authenticates.
     *
     * @throws ReplayedMessageException if the message's key was already used or discarded
     * @throws TooManySkippedMessagesException if it would skip more than {@link #MAX_SKIP} keys
     * @throws UndecryptableMessageException if it does not authenticate under this session
     */
    public byte[] decrypt(RatchetMessage message) throws VerificationFailedException {
        State next = state.copy();
        RatchetHeader header = message.header();
        SkippedKeyId id = new SkippedKeyId(header.ratchetKey, header.messageNumber);
        byte[] skipped = next.skippedKeys.remove(id);
        byte[] plaintext;
        if (skipped != null) {
            plaintext = open(skipped, message);
        } else {
            boolean currentChain = header.ratchetKey.equals(next.receivingKey) && next.receivingChain != null;
            if ((currentChain && header.messageNumber < next.receivingNumber) || next.retiredKeys.contains(header.ratchetKey)) {
                throw new ReplayedMessageException("message key already used");
            }
            if (!currentChain) {
                skipMessageKeys(next, header.previousChainLength);
                dhRatchet(next, header);
            }
            skipMessageKeys(next, header.messageNumber);
            byte[][] step = RatchetKdf.chainStep(next.receivingChain);
            next.receivingChain = step[0];
            next.receivingNumber++;
            plaintext = open(step[1], message);
        }
        state = next;
        return plaintext;
    }

    private byte[] open(byte[] messageKey, RatchetMessage message) throws UndecryptableMessageException {
        try {
            return RatchetKdf.decrypt(messageKey, message.ciphertext(), associatedData(message));
        } catch (InvalidCipherTextException e) {
            throw new UndecryptableMessageException("ratchet message does not authenticate");
        }
    }

    private void skipMessageKeys(State next, long until) throws TooManySkippedMessagesException {
        if (next.receivingChain == null) {
            return;
        }
        if (until - next.receivingNumber > MAX_SKIP) {
            throw new TooManySkippedMessagesException("message would skip " + (until - next.receivingNumber) + " keys");
        }
        while (next.receivingNumber < until) {
            byte[][] step = RatchetKdf.chainStep(next.receivingChain);
            next.receivingChain = step[0];
            next.skippedKeys.put(new SkippedKeyId(next.receivingKey, next.receivingNumber), step[1]);
            next.receivingNumber++;
            if (next.skippedKeys.size() > MAX_STORED_SKIPPED_KEYS) {
                Iterator<SkippedKeyId> oldest = next.skippedKeys.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    private void dhRatchet(State next, RatchetHeader header) throws VerificationFailedException {
        if (next.receivingKey != null) {
            next.retiredKeys.add(next.receivingKey);
            if (next.retiredKeys.size() > MAX_RETIRED_RATCHET_KEYS) {
                Iterator<AgreementPublicKey> oldest = next.retiredKeys.iterator();
                oldest.next();
                oldest.remove();
            }
        }
        next.previousSendingLength = next.sendingNumber;
        next.sendingNumber = 0;
        next.receivingNumber = 0;
        next.receivingKey = header.ratchetKey;
        byte[][] receiving = RatchetKdf.rootStep(next.rootKey, next.sendingKey.agree(next.receivingKey));
        next.sendingKey = AgreementKeyPair.generate(random);
        byte[][] sending = RatchetKdf.rootStep(receiving[0], next.sendingKey.agree(next.receivingKey));
        next.rootKey = sending[0];
        next.receivingChain = receiving[1];
        next.sendingChain = sending[1];
    }

    /** AD = IK_initiator || IK_responder || version || header. */
    private byte[] associatedData(RatchetMessage message) {
        return RatchetKdf.concat(initiatorIdentity.toBytes(), responderIdentity.toBytes(), message.headerBytes());
    }

    /** The identity key of the other party, to compare with the certified sender of each envelope. */
    public IdentityPublicKey peerIdentity() {
        return initiator ? responderIdentity : initiatorIdentity;
    }

    /** Whether this session can send yet (the responder waits for the initiator's first message). */
    public boolean canSend() {
        return state.sendingChain != null;
    }

    /**
     * The complete session state, for the client's own encrypted storage. Layout: {@code 0x01 || role(1) ||
     * IK_initiator(32) || IK_responder(32) || DHs_private(32) || opt DHr(32) || RK(32) || opt CKs(32) || opt CKr(32) ||
     * Ns || Nr || PN (u32 each) || u16 count || retired DHr(32)* || u16 count || (DHr(32) || n(u32) || MK(32))*},
     * where {@code opt} is a presence byte 0/1 followed by the value if present.
     */
    public byte[] toBytes() {
        FieldWriter out = new FieldWriter().writeByte(STATE_VERSION).writeByte(initiator ? 1 : 0)
                .writeFixed(initiatorIdentity.toBytes()).writeFixed(responderIdentity.toBytes())
                .writeFixed(state.sendingKey.privateBytes(InsecureSecretKeyAccess.get()));
        writeOptional(out, state.receivingKey == null ? null : state.receivingKey.toBytes());
        out.writeFixed(state.rootKey);
        writeOptional(out, state.sendingChain);
        writeOptional(out, state.receivingChain);
        out.writeInt(state.sendingNumber).writeInt(state.receivingNumber).writeInt(state.previousSendingLength);
        out.writeShort(state.retiredKeys.size());
        for (AgreementPublicKey key : state.retiredKeys) {
            out.writeFixed(key.toBytes());
        }
        out.writeShort(state.skippedKeys.size());
        for (Map.Entry<SkippedKeyId, byte[]> entry : state.skippedKeys.entrySet()) {
            out.writeFixed(entry.getKey().ratchetKey.toBytes()).writeInt(entry.getKey().messageNumber).writeFixed(entry.getValue());
        }
        return out.toByteArray();
    }

    /** Restores a session written by {@link #toBytes()}. */
    public static RatchetSession fromBytes(byte[] encoded, SecureRandom random) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(encoded, "RatchetSession");
        in.expectVersion(STATE_VERSION);
        int role = in.readUnsignedByte();
        if (role > 1) {
            throw new MalformedEncodingException("RatchetSession: unknown role " + role);
        }
        IdentityPublicKey initiatorIdentity = IdentityPublicKey.fromBytes(in.readFixed(IdentityPublicKey.LENGTH));
        IdentityPublicKey responderIdentity = IdentityPublicKey.fromBytes(in.readFixed(IdentityPublicKey.LENGTH));
        State state = new State();
        state.sendingKey = AgreementKeyPair.fromPrivateBytes(in.readFixed(AgreementKeyPair.PRIVATE_LENGTH));
        byte[] receivingKey = readOptional(in);
        state.receivingKey = receivingKey == null ? null : AgreementPublicKey.fromBytes(receivingKey);
        state.rootKey = in.readFixed(RatchetKdf.KEY_LENGTH);
        state.sendingChain = readOptional(in);
        state.receivingChain = readOptional(in);
        state.sendingNumber = in.readUnsignedInt(0xffffffffL);
        state.receivingNumber = in.readUnsignedInt(0xffffffffL);
        state.previousSendingLength = in.readUnsignedInt(0xffffffffL);
        int retired = in.readUnsignedShort();
        if (retired > MAX_RETIRED_RATCHET_KEYS) {
            throw new MalformedEncodingException("RatchetSession: too many retired keys");
        }
        for (int i = 0; i < retired; i++) {
            state.retiredKeys.add(AgreementPublicKey.fromBytes(in.readFixed(AgreementPublicKey.LENGTH)));
        }
        int skipped = in.readUnsignedShort();
        if (skipped > MAX_STORED_SKIPPED_KEYS) {
            throw new MalformedEncodingException("RatchetSession: too many skipped keys");
        }
        for (int i = 0; i < skipped; i++) {
            AgreementPublicKey key = AgreementPublicKey.fromBytes(in.readFixed(AgreementPublicKey.LENGTH));
            long n = in.readUnsignedInt(0xffffffffL);
            state.skippedKeys.put(new SkippedKeyId(key, n), in.readFixed(RatchetKdf.KEY_LENGTH));
        }
        in.finish();
        return new RatchetSession(random, initiatorIdentity, responderIdentity, role == 1, state);
    }

    private static void writeOptional(FieldWriter out, byte[] value) {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1).writeFixed(value);
        }
    }

    private static byte[] readOptional(StrictReader in) throws MalformedEncodingException {
        int present = in.readUnsignedByte();
        if (present > 1) {
            throw new MalformedEncodingException("RatchetSession: bad presence flag");
        }
        return present == 1 ? in.readFixed(RatchetKdf.KEY_LENGTH) : null;
    }

    /** Number of skipped message keys held, e.g. for tests and diagnostics. */
    public int storedSkippedKeys() {
        return state.skippedKeys.size();
    }

    @Override
    public String toString() {
        return "RatchetSession[" + (initiator ? "initiator" : "responder") + ", peer=" + peerIdentity()
                + ", sent=" + state.sendingNumber + ", received=" + state.receivingNumber
                + ", skippedKeys=" + state.skippedKeys.size() + ", keys=<redacted>]";
    }

    /** The result of {@link #initiate}: the new session and the material to send with the first message. */
    public static final class Initiated {
        private final RatchetSession session;
        private final SessionInitiation initiation;

        Initiated(RatchetSession session, SessionInitiation initiation) {
            this.session = session;
            this.initiation = initiation;
        }

        public RatchetSession session() {
            return session;
        }

        public SessionInitiation initiation() {
            return initiation;
        }
    }

    /** The variables of the specification's state, copied before each decryption so failures leave no trace. */
    private static final class State {
        AgreementKeyPair sendingKey;
        AgreementPublicKey receivingKey;
        byte[] rootKey;
        byte[] sendingChain;
        byte[] receivingChain;
        long sendingNumber;
        long receivingNumber;
        long previousSendingLength;
        LinkedHashSet<AgreementPublicKey> retiredKeys = new LinkedHashSet<>();
        LinkedHashMap<SkippedKeyId, byte[]> skippedKeys = new LinkedHashMap<>();

        State copy() {
            State copy = new State();
            copy.sendingKey = sendingKey;
            copy.receivingKey = receivingKey;
            copy.rootKey = rootKey;
            copy.sendingChain = sendingChain;
            copy.receivingChain = receivingChain;
            copy.sendingNumber = sendingNumber;
            copy.receivingNumber = receivingNumber;
            copy.previousSendingLength = previousSendingLength;
            copy.retiredKeys = new LinkedHashSet<>(retiredKeys);
            copy.skippedKeys = new LinkedHashMap<>(skippedKeys);
            return copy;
        }
    }

    /** The (ratchet key, message number) a skipped message key belongs to. */
    private static final class SkippedKeyId {
        final AgreementPublicKey ratchetKey;
        final long messageNumber;

        SkippedKeyId(AgreementPublicKey ratchetKey, long messageNumber) {
            this.ratchetKey = ratchetKey;
            this.messageNumber = messageNumber;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SkippedKeyId && ((SkippedKeyId) other).ratchetKey.equals(ratchetKey)
                    && ((SkippedKeyId) other).messageNumber == messageNumber;
        }

        @Override
        public int hashCode() {
            return ratchetKey.hashCode() * 31 + Long.hashCode(messageNumber);
        }
    }
}
