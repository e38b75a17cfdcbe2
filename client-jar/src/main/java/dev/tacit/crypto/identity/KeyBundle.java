package dev.tacit.crypto.identity;

import java.time.Instant;
import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * What an account publishes so others can write to it: its identity certificate, a signed X25519
 * {@linkplain KeyPurpose#ENVELOPE_KEY envelope key} (HPKE recipient key) and a signed X25519
 * {@linkplain KeyPurpose#RATCHET_PRE_KEY pre-key} (starts Double Ratchet sessions). Wire form:
 * {@code 0x01 || u16 cert_len || cert_der || envelope_key(102) || pre_key(102)}.
 */
public final class KeyBundle {

    public static final int VERSION = 1;

    private final IdentityCertificate certificate;
    private final SignedPreKey envelopeKey;
    private final SignedPreKey preKey;

    private KeyBundle(IdentityCertificate certificate, SignedPreKey envelopeKey, SignedPreKey preKey) {
        this.certificate = certificate;
        this.envelopeKey = envelopeKey;
        this.preKey = preKey;
    }

    /** Assembles a bundle; the keys' purposes must match their slots. */
    public static KeyBundle of(IdentityCertificate certificate, SignedPreKey envelopeKey, SignedPreKey preKey) {
        Objects.requireNonNull(certificate);
        if (envelopeKey.purpose() != KeyPurpose.ENVELOPE_KEY || preKey.purpose() != KeyPurpose.RATCHET_PRE_KEY) {
            throw new IllegalArgumentException("signed keys are in the wrong slots");
        }
        return new KeyBundle(certificate, envelopeKey, preKey);
    }

    public static KeyBundle fromBytes(byte[] encoded) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(encoded, "KeyBundle");
        in.expectVersion(VERSION);
        IdentityCertificate certificate = IdentityCertificate.fromBytes(in.readMediumField(IdentityCertificate.MAX_LENGTH));
        SignedPreKey envelopeKey = SignedPreKey.fromBytes(in.readFixed(SignedPreKey.ENCODED_LENGTH));
        SignedPreKey preKey = SignedPreKey.fromBytes(in.readFixed(SignedPreKey.ENCODED_LENGTH));
        in.finish();
        if (envelopeKey.purpose() != KeyPurpose.ENVELOPE_KEY || preKey.purpose() != KeyPurpose.RATCHET_PRE_KEY) {
            throw new MalformedEncodingException("signed keys are in the wrong slots");
        }
        return new KeyBundle(certificate, envelopeKey, preKey);
    }

    public byte[] toBytes() {
        return encode(certificate.toBytes(), envelopeKey.toBytes(), preKey.toBytes());
    }

    /**
     * The wire form of a bundle from the encodings of its parts, without decoding them: for a server that hands
     * out parts it checked when they were published (a look-up, §4.11). Only their lengths are checked here; a
     * receiver decodes the bundle with {@link #fromBytes} and verifies it.
     *
     * @throws IllegalArgumentException if a part has a length its slot cannot hold
     */
    public static byte[] encode(byte[] certificate, byte[] signedEnvelopeKey, byte[] signedPreKey) {
        if (certificate.length > IdentityCertificate.MAX_LENGTH || signedEnvelopeKey.length != SignedPreKey.ENCODED_LENGTH
                || signedPreKey.length != SignedPreKey.ENCODED_LENGTH) {
            throw new IllegalArgumentException("a key bundle part has the wrong length");
        }
        return new FieldWriter().writeByte(VERSION).writeMediumField(certificate).writeFixed(signedEnvelopeKey)
                .writeFixed(signedPreKey).toByteArray();
    }

    /**
     * Checks the certificate against the pinned CA and both key signatures against the certified identity key.
     *
     * @throws UntrustedCertificateException if the certificate does not verify
     * @throws VerificationFailedException if a key signature does not verify
     */
    public VerifiedKeyBundle verify(PinnedCaVerifier verifier, Instant now) throws VerificationFailedException {
        CertifiedIdentity identity = verifier.verify(certificate, now);
        envelopeKey.verify(identity.identityKey(), KeyPurpose.ENVELOPE_KEY);
        preKey.verify(identity.identityKey(), KeyPurpose.RATCHET_PRE_KEY);
        return new VerifiedKeyBundle(identity, envelopeKey, preKey);
    }

    public IdentityCertificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "KeyBundle[" + certificate + ", envelope=" + envelopeKey + ", preKey=" + preKey + "]";
    }
}
