package dev.tacit.crypto.envelope;

import java.time.Instant;

import dev.tacit.crypto.identity.CertifiedIdentity;

/** The verified contents of a sealed envelope: who sent it (as certified by the server CA), when they say, and what. */
public final class OpenedEnvelope {

    private final CertifiedIdentity sender;
    private final Instant timestamp;
    private final byte[] content;

    OpenedEnvelope(CertifiedIdentity sender, Instant timestamp, byte[] content) {
        this.sender = sender;
        this.timestamp = timestamp;
        this.content = content;
    }

    public CertifiedIdentity sender() {
        return sender;
    }

    /** The sender's signed clock reading; recipients decide how much skew to tolerate. */
    public Instant timestamp() {
        return timestamp;
    }

    public byte[] content() {
        return content.clone();
    }

    @Override
    public String toString() {
        return "OpenedEnvelope[from=" + sender.phoneNumber() + ", at=" + timestamp + ", " + content.length + " bytes]";
    }
}
