package dev.tacit.crypto.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** A server CA and accounts registered with it, for tests across the end-to-end packages. */
public final class TestPki {

    public static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    private final SecureRandom random;
    private final CertificateAuthority ca;

    public TestPki(SecureRandom random) {
        this.random = random;
        this.ca = CertificateAuthority.create(IdentityKeyPair.generate(random), "Tacit test CA",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3650)), random);
    }

    public CertificateAuthority ca() {
        return ca;
    }

    public PinnedCaVerifier verifier() {
        return new PinnedCaVerifier(ca.certificate());
    }

    public Account register(String e164) {
        try {
            IdentityKeyPair identity = IdentityKeyPair.generate(random);
            PhoneNumber number = PhoneNumber.of(e164);
            IdentityCertificate certificate = ca.issue(CertificationRequest.create(identity, number), number,
                    NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(365)));
            AgreementKeyPair envelopeKey = AgreementKeyPair.generate(random);
            AgreementKeyPair preKey = AgreementKeyPair.generate(random);
            KeyBundle bundle = KeyBundle.of(certificate,
                    SignedPreKey.sign(identity, KeyPurpose.ENVELOPE_KEY, 1, envelopeKey.publicKey()),
                    SignedPreKey.sign(identity, KeyPurpose.RATCHET_PRE_KEY, 7, preKey.publicKey()));
            return new Account(number, identity, certificate, envelopeKey, preKey, bundle);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Everything one registered account holds. */
    public static final class Account {
        public final PhoneNumber number;
        public final IdentityKeyPair identity;
        public final IdentityCertificate certificate;
        public final AgreementKeyPair envelopeKey;
        public final AgreementKeyPair preKey;
        public final KeyBundle bundle;

        public Account(PhoneNumber number, IdentityKeyPair identity, IdentityCertificate certificate, AgreementKeyPair envelopeKey,
                AgreementKeyPair preKey, KeyBundle bundle) {
            this.number = number;
            this.identity = identity;
            this.certificate = certificate;
            this.envelopeKey = envelopeKey;
            this.preKey = preKey;
            this.bundle = bundle;
        }
    }
}
