package dev.tacit.server.tokens;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored token-issuer key: public key, sealed private key and the periods it signs and verifies in. */
@Entity
@Table(name = "token_issuer_key")
public class TokenIssuerKeyRecord {

    @Id
    @Column(name = "key_id")
    private byte[] keyId;

    @Column(name = "public_key", nullable = false, updatable = false)
    private byte[] publicKey;

    @Column(name = "sealed_private_key", nullable = false, updatable = false)
    private byte[] sealedPrivateKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "signs_from", nullable = false, updatable = false)
    private Instant signsFrom;

    @Column(name = "signs_until", nullable = false, updatable = false)
    private Instant signsUntil;

    @Column(name = "verifies_until", nullable = false, updatable = false)
    private Instant verifiesUntil;

    protected TokenIssuerKeyRecord() {
        // for JPA
    }

    TokenIssuerKeyRecord(byte[] keyId, byte[] publicKey, byte[] sealedPrivateKey, Instant createdAt,
                         Instant signsFrom, Instant signsUntil, Instant verifiesUntil) {
        this.keyId = keyId.clone();
        this.publicKey = publicKey.clone();
        this.sealedPrivateKey = sealedPrivateKey.clone();
        this.createdAt = createdAt;
        this.signsFrom = signsFrom;
        this.signsUntil = signsUntil;
        this.verifiesUntil = verifiesUntil;
    }

    byte[] keyId() {
        return keyId.clone();
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    byte[] sealedPrivateKey() {
        return sealedPrivateKey.clone();
    }

    Instant signsFrom() {
        return signsFrom;
    }

    Instant signsUntil() {
        return signsUntil;
    }

    Instant verifiesUntil() {
        return verifiesUntil;
    }
}
