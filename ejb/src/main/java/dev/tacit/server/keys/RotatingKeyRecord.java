package dev.tacit.server.keys;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored rotating key: its public part, its sealed private part and the periods it signs and verifies in. */
@Entity
@Table(name = "rotating_key")
public class RotatingKeyRecord {

    @Id
    @Column(name = "key_id")
    private byte[] keyId;

    @Column(name = "purpose", nullable = false, updatable = false)
    private String purpose;

    @Column(name = "public_part", nullable = false, updatable = false)
    private byte[] publicPart;

    @Column(name = "sealed_private_part", nullable = false, updatable = false)
    private byte[] sealedPrivatePart;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "signs_from", nullable = false, updatable = false)
    private Instant signsFrom;

    @Column(name = "signs_until", nullable = false, updatable = false)
    private Instant signsUntil;

    @Column(name = "verifies_until", nullable = false, updatable = false)
    private Instant verifiesUntil;

    protected RotatingKeyRecord() {
        // for JPA
    }

    RotatingKeyRecord(String purpose, byte[] keyId, byte[] publicPart, byte[] sealedPrivatePart, Instant createdAt,
                      Instant signsFrom, Instant signsUntil, Instant verifiesUntil) {
        this.purpose = purpose;
        this.keyId = keyId.clone();
        this.publicPart = publicPart.clone();
        this.sealedPrivatePart = sealedPrivatePart.clone();
        this.createdAt = createdAt;
        this.signsFrom = signsFrom;
        this.signsUntil = signsUntil;
        this.verifiesUntil = verifiesUntil;
    }

    public String purpose() {
        return purpose;
    }

    public byte[] keyId() {
        return keyId.clone();
    }

    public byte[] publicPart() {
        return publicPart.clone();
    }

    byte[] sealedPrivatePart() {
        return sealedPrivatePart.clone();
    }

    public Instant signsFrom() {
        return signsFrom;
    }

    public Instant signsUntil() {
        return signsUntil;
    }

    public Instant verifiesUntil() {
        return verifiesUntil;
    }

    /** Whether this key signs during exactly {@code [from, until)}: the key of that window. */
    boolean signsExactly(Instant from, Instant until) {
        return signsFrom.equals(from) && signsUntil.equals(until);
    }

    boolean signsAt(Instant now) {
        return !signsFrom.isAfter(now) && signsUntil.isAfter(now);
    }
}
