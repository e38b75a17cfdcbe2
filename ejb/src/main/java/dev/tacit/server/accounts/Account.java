package dev.tacit.server.accounts;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registered phone number with its published keys (all as their protocol encodings), how many
 * first-contact tokens it has ever been issued, and when it was last seen active (registration lock).
 */
@Entity
@Table(name = "account")
public class Account {

    /** The most first-contact tokens a number is ever issued at registration. */
    public static final int REGISTRATION_TOKENS = 5;

    @Id
    @Column(name = "number")
    private String number;

    @Column(name = "identity_key", nullable = false)
    private byte[] identityKey;

    @Column(name = "certificate", nullable = false)
    private byte[] certificate;

    @Column(name = "envelope_key", nullable = false)
    private byte[] envelopeKey;

    @Column(name = "pre_key", nullable = false)
    private byte[] preKey;

    @Column(name = "group_public_key", nullable = false)
    private byte[] groupPublicKey;

    @Column(name = "tokens_issued", nullable = false)
    private short tokensIssued;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The last registration or authenticated request, recorded at most once a day (docs/protocol.md §4.7). */
    @Column(name = "last_active_at", nullable = false)
    private Instant lastActiveAt;

    protected Account() {
        // for JPA
    }

    public String number() {
        return number;
    }

    public byte[] identityKey() {
        return identityKey.clone();
    }

    public byte[] certificate() {
        return certificate.clone();
    }

    public byte[] groupPublicKey() {
        return groupPublicKey.clone();
    }

    public int tokensIssued() {
        return tokensIssued;
    }

    /** How many registration tokens this number may still be issued. */
    int tokensRemaining() {
        return REGISTRATION_TOKENS - tokensIssued;
    }

    /** Installs a (new) device's keys and certificate; a re-registration keeps the token count. */
    void installKeys(PublishedKeys keys, Instant now) {
        this.identityKey = keys.identityKey().clone();
        this.certificate = keys.certificate().clone();
        this.envelopeKey = keys.envelopeKey().clone();
        this.preKey = keys.preKey().clone();
        this.groupPublicKey = keys.groupPublicKey().clone();
        this.updatedAt = now;
        this.lastActiveAt = now;
    }

    /**
     * Until when the registration lock holds: {@code lockPeriod} after the last recorded activity. Before then
     * only a request signed by the current identity key re-registers the number.
     */
    Instant lockedUntil(Duration lockPeriod) {
        return lastActiveAt.plus(lockPeriod);
    }

    void replacePreKey(byte[] preKey, Instant now) {
        this.preKey = preKey.clone();
        this.updatedAt = now;
    }

    void replaceGroupPublicKey(byte[] groupPublicKey, Instant now) {
        this.groupPublicKey = groupPublicKey.clone();
        this.updatedAt = now;
    }

    /**
     * Moves the group key along its chain (§4.29): the same group, members revoked. Not a replacement, so
     * {@code updated_at} stays: the server keeps no time of a block.
     */
    void advanceGroupPublicKey(byte[] groupPublicKey) {
        this.groupPublicKey = groupPublicKey.clone();
    }

    public byte[] preKey() {
        return preKey.clone();
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    void recordTokensIssued(int count) {
        if (count < 0 || count > tokensRemaining()) {
            throw new IllegalArgumentException("cannot issue " + count + " more tokens to this account");
        }
        tokensIssued += (short) count;
    }
}
