package dev.tacit.server.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.CertificateAuthority;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.server.keys.RotatingKeyRecord;
import dev.tacit.server.keys.RotatingKeys;
import dev.tacit.server.settings.TacitSettings;

/**
 * The server's certificate authority (docs/protocol.md §3.2): an Ed25519 key with a self-signed certificate,
 * rotated by {@link RotatingKeys}. A CA issues identity certificates while it signs; its own certificate
 * stays valid until the last certificate it issued has expired, and clients accept all published ones.
 */
@Singleton
@Startup
@DependsOn("KeyEncryptionKeyCheck") // the key-encryption key is confirmed before any key is opened
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the state is immutable and replaced whole
public class CertificateAuthorityKeys {

    static final String PURPOSE = "certificate-authority";
    private static final DateTimeFormatter NAME_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Inject
    RotatingKeys rotatingKeys;

    @Inject
    TacitSettings settings;

    private final SecureRandom random = new SecureRandom();
    private volatile State current;

    /** The CA that issues identity certificates now. */
    public CertificateAuthority issuing() {
        return current.issuing();
    }

    /** How long an identity certificate issued now is valid. */
    public Duration certificateValidity() {
        return settings.identityCertificate().validity();
    }

    /** Every CA certificate under which identity certificates may still be valid, oldest first. */
    public List<CaCertificate> published() {
        return current.published();
    }

    @PostConstruct
    @Schedule(hour = "*", minute = "17", persistent = false)
    void refresh() {
        // A CA's certificate outlives its signing period by the validity of the last certificate it issues.
        Duration signingPeriod = settings.ca().signingPeriod();
        Duration certificateValidity = settings.identityCertificate().validity();
        RotatingKeys.Rotation rotation = rotatingKeys.refresh(PURPOSE,
                new RotatingKeys.Lifetime(signingPeriod, signingPeriod.plus(certificateValidity)), this::generate);
        current = new State(open(rotation.signing()),
                rotation.verifying().stream().map(CertificateAuthorityKeys::certificate).toList());
    }

    private RotatingKeys.NewKey generate(Instant signsFrom) {
        IdentityKeyPair key = IdentityKeyPair.generate(random);
        CertificateAuthority ca = CertificateAuthority.create(key, "Tacit CA " + NAME_DATE.format(signsFrom),
                signsFrom.minus(Duration.ofHours(1)), // tolerate clients whose clock is a little behind
                signsFrom.plus(settings.ca().signingPeriod()).plus(settings.identityCertificate().validity()), random);
        byte[] certificate = ca.certificate().toBytes();
        return new RotatingKeys.NewKey(sha256(certificate), certificate,
                key.seedBytes(InsecureSecretKeyAccess.get()));
    }

    private CertificateAuthority open(RotatingKeyRecord record) {
        try {
            return CertificateAuthority.of(IdentityKeyPair.fromSeed(rotatingKeys.openPrivatePart(record)),
                    certificate(record), random);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored certificate-authority key does not decode", e);
        }
    }

    private static CaCertificate certificate(RotatingKeyRecord record) {
        try {
            return CaCertificate.fromBytes(record.publicPart());
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored CA certificate does not decode", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record State(CertificateAuthority issuing, List<CaCertificate> published) {
    }
}
