package dev.tacit.crypto.message;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.envelope.OpenedEnvelope;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.ratchet.RatchetSession;
import dev.tacit.crypto.ratchet.ReplayedMessageException;
import dev.tacit.crypto.ratchet.SessionInitiation;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * One conversation with one peer, as the proposal runs it: the first contact carries the initiation, the sender's
 * member credential and the first text; the first reply carries the replier's member credential; everything is a
 * Double Ratchet message inside a sealed envelope. Mutable, not thread-safe; persist with {@link #toBytes()}.
 */
public final class Conversation {

    private static final int STATE_VERSION = 1;

    private final PhoneNumber peer;
    private final RatchetSession session;
    private MemberCredential credentialToSend;

    private Conversation(PhoneNumber peer, RatchetSession session, MemberCredential credentialToSend) {
        this.peer = peer;
        this.session = session;
        this.credentialToSend = credentialToSend;
    }

    /** Opens a conversation with {@code peer}: the returned envelope is the first contact. */
    public static Started start(LocalAccount me, VerifiedKeyBundle peer, MemberCredential ownCredential, byte[] firstText,
                                Instant now, SecureRandom random) {
        RatchetSession.Initiated initiated = RatchetSession.initiate(me.identity().publicKey(), peer, random);
        ConversationContent content = ConversationContent.firstContact(initiated.initiation(), ownCredential,
                initiated.session().encrypt(firstText));
        SealedEnvelope envelope = SealedEnvelope.seal(me.sender(), peer, content.toBytes(), now, random);
        return new Started(new Conversation(peer.identity().phoneNumber(), initiated.session(), null), envelope);
    }

    /**
     * Accepts a first contact (an envelope already opened and verified) and remembers {@code ownCredential} to attach to
     * this side's first reply. The initiation is recorded in {@code accepted} only if the first message decrypts.
     *
     * @throws UnexpectedContentException if the envelope holds a follow-up rather than a first contact
     * @throws ReplayedMessageException if this first contact was already accepted
     * @throws MalformedEncodingException if the content does not decode
     * @throws VerificationFailedException if the initiation or first message do not verify
     */
    public static Received accept(LocalAccount me, OpenedEnvelope opened, MemberCredential ownCredential,
                                  AcceptedInitiations accepted, SecureRandom random)
            throws VerificationFailedException, MalformedEncodingException {
        ConversationContent content = ConversationContent.fromBytes(opened.content());
        if (!content.isFirstContact()) {
            throw new UnexpectedContentException("expected a first contact");
        }
        SessionInitiation initiation = content.initiation().orElseThrow();
        if (accepted.contains(initiation)) {
            throw new ReplayedMessageException("first contact already accepted");
        }
        RatchetSession session = RatchetSession.accept(me.identity().publicKey(), me.preKeyId(), me.preKey(),
                opened.sender().identityKey(), initiation, random);
        byte[] text = session.decrypt(content.message());
        accepted.add(initiation);
        Conversation conversation = new Conversation(opened.sender().phoneNumber(), session, Objects.requireNonNull(ownCredential));
        return new Received(conversation, text, content.credential().orElseThrow());
    }

    /**
     * Seals the next message to the peer's verified bundle; the first reply also carries this side's member credential.
     *
     * @throws UnexpectedSenderException if {@code peerBundle} is not the peer of this conversation
     */
    public SealedEnvelope send(LocalAccount me, VerifiedKeyBundle peerBundle, byte[] text, Instant now, SecureRandom random)
            throws UnexpectedSenderException {
        if (!peerBundle.identity().identityKey().equals(session.peerIdentity())) {
            throw new UnexpectedSenderException("key bundle belongs to another identity than this conversation's peer");
        }
        ConversationContent content = ConversationContent.followUp(credentialToSend, session.encrypt(text));
        credentialToSend = null;
        return SealedEnvelope.seal(me.sender(), peerBundle, content.toBytes(), now, random);
    }

    /**
     * Decrypts the next message from the peer.
     *
     * @throws UnexpectedSenderException if the envelope's certified sender is not this conversation's peer
     * @throws UnexpectedContentException if it holds a first contact
     * @throws dev.tacit.crypto.ratchet.ReplayedMessageException if the message was already received
     * @throws VerificationFailedException if the ratchet message does not verify
     */
    public Message receive(OpenedEnvelope opened) throws VerificationFailedException, MalformedEncodingException {
        if (!opened.sender().identityKey().equals(session.peerIdentity())) {
            throw new UnexpectedSenderException("envelope is from another identity than this conversation's peer");
        }
        ConversationContent content = ConversationContent.fromBytes(opened.content());
        if (content.isFirstContact()) {
            throw new UnexpectedContentException("a first contact cannot continue an existing conversation");
        }
        return new Message(session.decrypt(content.message()), content.credential());
    }

    public PhoneNumber peer() {
        return peer;
    }

    /**
     * State for the client's encrypted store: {@code 0x01 || u8 peer_len || peer_e164 || u16 credential_len ||
     * credential_to_send || ratchet_session_state}.
     */
    public byte[] toBytes() {
        return new FieldWriter().writeByte(STATE_VERSION).writeShortField(peer.toBytes())
                .writeMediumField(credentialToSend == null ? new byte[0] : credentialToSend.toBytes())
                .writeFixed(session.toBytes()).toByteArray();
    }

    public static Conversation fromBytes(byte[] encoded, SecureRandom random) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(encoded, "Conversation");
        in.expectVersion(STATE_VERSION);
        PhoneNumber peer = PhoneNumber.fromBytes(in.readShortField(PhoneNumber.MAX_LENGTH));
        byte[] credential = in.readMediumField(MemberCredential.MAX_ENCODED_BYTES);
        RatchetSession session = RatchetSession.fromBytes(in.readRemaining(1), random);
        return new Conversation(peer, session, credential.length == 0 ? null : MemberCredential.fromBytes(credential));
    }

    @Override
    public String toString() {
        return "Conversation[peer=" + peer + ", " + session + "]";
    }

    /** A new conversation and the first-contact envelope to submit (with a token) to the server. */
    public static final class Started {
        private final Conversation conversation;
        private final SealedEnvelope envelope;

        Started(Conversation conversation, SealedEnvelope envelope) {
            this.conversation = conversation;
            this.envelope = envelope;
        }

        public Conversation conversation() {
            return conversation;
        }

        public SealedEnvelope envelope() {
            return envelope;
        }
    }

    /** An accepted first contact: the new conversation, the first text and the initiator's member credential. */
    public static final class Received {
        private final Conversation conversation;
        private final byte[] text;
        private final MemberCredential peerCredential;

        Received(Conversation conversation, byte[] text, MemberCredential peerCredential) {
            this.conversation = conversation;
            this.text = text;
            this.peerCredential = peerCredential;
        }

        public Conversation conversation() {
            return conversation;
        }

        public byte[] text() {
            return text.clone();
        }

        public MemberCredential peerCredential() {
            return peerCredential;
        }
    }

    /** A message received in a conversation, with the peer's member credential if this was their first reply. */
    public static final class Message {
        private final byte[] text;
        private final Optional<MemberCredential> peerCredential;

        Message(byte[] text, Optional<MemberCredential> peerCredential) {
            this.text = text;
            this.peerCredential = peerCredential;
        }

        public byte[] text() {
            return text.clone();
        }

        public Optional<MemberCredential> peerCredential() {
            return peerCredential;
        }

        @Override
        public String toString() {
            return "Message[" + text.length + " bytes" + (peerCredential.isPresent() ? ", with credential" : "") + "]";
        }
    }
}
