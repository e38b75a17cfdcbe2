package dev.tacit.client.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * A code the server texted to a number, as the client that asked for it knows it: the number as it was given,
 * and the server's proof of that send, which confirming the code requires (docs/protocol.md §4.5). Keep it
 * until the user types the code in; it is good until {@link #expiresAt()}. The proof is opaque and never
 * printed.
 */
public final class SentCode {

    private final String number;
    private final String sendProof;
    private final Instant expiresAt;

    public SentCode(String number, String sendProof, Instant expiresAt) {
        this.number = Objects.requireNonNull(number, "number");
        this.sendProof = Objects.requireNonNull(sendProof, "sendProof");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The number the code went to, as given to {@link RegistrationClient#requestCode}. */
    public String number() {
        return number;
    }

    /** The server's proof of the send, as it issued it. */
    public String sendProof() {
        return sendProof;
    }

    /** When the proof, and the code texted with it, stop being accepted. */
    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "SentCode[expiresAt=" + expiresAt + "]";
    }
}
