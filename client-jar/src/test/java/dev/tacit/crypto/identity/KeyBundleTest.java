package dev.tacit.crypto.identity;

import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeyBundleTest {

    private final SecureRandom random = new SecureRandom();
    private final TestPki pki = new TestPki(random);

    @Test
    void verifiedBundleYieldsTheCertifiedIdentityAndBothKeys() throws Exception {
        TestPki.Account bob = pki.register("+4930999");

        VerifiedKeyBundle verified = KeyBundle.fromBytes(bob.bundle.toBytes()).verify(pki.verifier(), TestPki.NOW);

        assertEquals(bob.number, verified.identity().phoneNumber());
        assertEquals(bob.envelopeKey.publicKey(), verified.envelopeKey());
        assertEquals(bob.preKey.publicKey(), verified.preKey());
        assertEquals(7, verified.preKeyId());
    }

    @Test
    void keySignedByAnotherIdentityIsRejected() {
        TestPki.Account bob = pki.register("+4930999");
        IdentityKeyPair mallory = IdentityKeyPair.generate(random);
        KeyBundle swapped = KeyBundle.of(bob.certificate,
                SignedPreKey.sign(mallory, KeyPurpose.ENVELOPE_KEY, 1, AgreementKeyPair.generate(random).publicKey()),
                SignedPreKey.sign(bob.identity, KeyPurpose.RATCHET_PRE_KEY, 7, bob.preKey.publicKey()));

        assertThrows(VerificationFailedException.class, () -> swapped.verify(pki.verifier(), TestPki.NOW));
    }

    @Test
    void signatureForOnePurposeDoesNotVouchForAnother() throws Exception {
        TestPki.Account bob = pki.register("+4930999");
        byte[] preKey = SignedPreKey.sign(bob.identity, KeyPurpose.RATCHET_PRE_KEY, 1, bob.envelopeKey.publicKey()).toBytes();
        preKey[1] = (byte) KeyPurpose.ENVELOPE_KEY.code(); // relabel without re-signing
        SignedPreKey relabelled = SignedPreKey.fromBytes(preKey);

        assertThrows(VerificationFailedException.class, () -> relabelled.verify(bob.identity.publicKey(), KeyPurpose.ENVELOPE_KEY));
    }

    @Test
    void truncatedOrExtendedBundlesAreMalformed() {
        byte[] encoded = pki.register("+4930999").bundle.toBytes();

        assertThrows(MalformedEncodingException.class, () -> KeyBundle.fromBytes(Arrays.copyOf(encoded, encoded.length - 1)));
        assertThrows(MalformedEncodingException.class, () -> KeyBundle.fromBytes(Arrays.copyOf(encoded, encoded.length + 1)));
        byte[] wrongVersion = encoded.clone();
        wrongVersion[0] = 2;
        assertThrows(MalformedEncodingException.class, () -> KeyBundle.fromBytes(wrongVersion));
    }
}
