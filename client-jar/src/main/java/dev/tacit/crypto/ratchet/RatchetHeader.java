package dev.tacit.crypto.ratchet;

import dev.tacit.crypto.identity.AgreementPublicKey;
import dev.tacit.crypto.wire.FieldWriter;

/** HEADER(dh, pn, n) of the Signal specification: the sender's ratchet key and two counters. */
final class RatchetHeader {

    static final int LENGTH = AgreementPublicKey.LENGTH + 4 + 4;

    final AgreementPublicKey ratchetKey;
    final long previousChainLength;
    final long messageNumber;

    RatchetHeader(AgreementPublicKey ratchetKey, long previousChainLength, long messageNumber) {
        this.ratchetKey = ratchetKey;
        this.previousChainLength = previousChainLength;
        this.messageNumber = messageNumber;
    }

    byte[] toBytes() {
        return new FieldWriter().writeFixed(ratchetKey.toBytes()).writeInt(previousChainLength).writeInt(messageNumber).toByteArray();
    }
}
