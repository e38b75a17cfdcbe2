package dev.tacit.crypto.envelope;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.TestPki;
import dev.tacit.crypto.identity.UntrustedCertificateException;
import dev.tacit.crypto.identity.VerifiedKeyBundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedEnvelopeTest {

    private static final Instant SENT = TestPki.NOW.minusSeconds(5);

    private final SecureRandom random = new SecureRandom();
    private final TestPki pki = new TestPki(random);
    private final TestPki.Account alice = pki.register("+4915100000001");
    private final TestPki.Account bob = pki.register("+4915100000002");
    private final TestPki.Account carol = pki.register("+4915100000003");
    private final byte[] content = "meet at noon".getBytes(StandardCharsets.UTF_8);

    @Test
    void recipientOpensAndLearnsTheCertifiedSenderTimestampAndContent() throws Exception {
        SealedEnvelope envelope = SealedEnvelope.seal(sender(alice), bundle(bob), content, SENT, random);

        OpenedEnvelope opened = SealedEnvelope.fromBytes(envelope.toBytes()).open(recipient(bob), pki.verifier(), TestPki.NOW);

        assertEquals(alice.number, opened.sender().phoneNumber());
        assertEquals(alice.identity.publicKey(), opened.sender().identityKey());
        assertEquals(SENT, opened.timestamp());
        assertArrayEquals(content, opened.content());
    }

    @Test
    void ciphertextLengthIsABucketPlusTag() throws Exception {
        byte[] small = SealedEnvelope.seal(sender(alice), bundle(bob), new byte[1], SENT, random).toBytes();
        byte[] larger = SealedEnvelope.seal(sender(alice), bundle(bob), new byte[20], SENT, random).toBytes();
        byte[] large = SealedEnvelope.seal(sender(alice), bundle(bob), new byte[300], SENT, random).toBytes();

        assertEquals(1 + 32 + 512 + 16, small.length);
        assertEquals(small.length, larger.length);
        assertEquals(1 + 32 + 1024 + 16, large.length);
    }

    @Test
    void twoEnvelopesFromTheSameSenderToTheSameRecipientShareNoLongByteString() {
        byte[] first = SealedEnvelope.seal(sender(alice), bundle(bob), content, SENT, random).toBytes();
        byte[] second = SealedEnvelope.seal(sender(alice), bundle(bob), content, SENT, random).toBytes();

        // Two independent uniform strings of ~1 KiB share a common substring of 5+ bytes with probability ~1e-6.
        int longest = longestCommonSubstring(first, second);
        assertTrue(longest <= 4, "envelopes share a " + longest + "-byte string");
    }

    @Test
    void certificateFromAnotherCaIsRejected() throws Exception {
        TestPki.Account impostor = new TestPki(random).register(alice.number.e164());
        SealedEnvelope envelope = SealedEnvelope.seal(sender(impostor), bundle(bob), content, SENT, random);

        assertThrows(UntrustedCertificateException.class, () -> envelope.open(recipient(bob), pki.verifier(), TestPki.NOW));
    }

    @Test
    void signatureByAKeyOtherThanTheCertifiedOneIsRejected() throws Exception {
        SignedContent genuine = SignedContent.sign(sender(alice), bob.number, SENT, content);
        byte[] encoded = genuine.toBytes();
        byte[] forged = IdentityKeyPair.generate(random).sign(genuine.signedData());
        System.arraycopy(forged, 0, encoded, encoded.length - forged.length, forged.length);
        SealedEnvelope envelope = sealRaw(encoded, bundle(bob));

        assertThrows(InvalidSenderSignatureException.class, () -> envelope.open(recipient(bob), pki.verifier(), TestPki.NOW));
    }

    @Test
    void envelopeSealedToAnotherRecipientDoesNotOpen() {
        SealedEnvelope toCarol = SealedEnvelope.seal(sender(alice), bundle(carol), content, SENT, random);

        assertThrows(EnvelopeOpeningException.class, () -> toCarol.open(recipient(bob), pki.verifier(), TestPki.NOW));
        // Bob's number with Carol's key: the HPKE info binds the number, so this fails too.
        assertThrows(EnvelopeOpeningException.class,
                () -> toCarol.open(new EnvelopeRecipient(bob.number, carol.envelopeKey), pki.verifier(), TestPki.NOW));
    }

    @Test
    void signedContentForwardedToAnotherRecipientIsRejected() throws Exception {
        byte[] signedForCarol = SignedContent.sign(sender(alice), carol.number, SENT, content).toBytes();
        SealedEnvelope forwardedToBob = sealRaw(signedForCarol, bundle(bob));

        assertThrows(WrongRecipientException.class, () -> forwardedToBob.open(recipient(bob), pki.verifier(), TestPki.NOW));
    }

    @Test
    void truncatedOversizedOrAlteredEnvelopesAreRejected() {
        byte[] envelope = SealedEnvelope.seal(sender(alice), bundle(bob), content, SENT, random).toBytes();

        assertThrows(MalformedEncodingException.class, () -> SealedEnvelope.fromBytes(Arrays.copyOf(envelope, envelope.length - 1)));
        assertThrows(MalformedEncodingException.class, () -> SealedEnvelope.fromBytes(Arrays.copyOf(envelope, envelope.length + 1)));
        assertThrows(MalformedEncodingException.class, () -> SealedEnvelope.fromBytes(Arrays.copyOf(envelope, 20)));
        assertThrows(MalformedEncodingException.class, () -> SealedEnvelope.fromBytes(new byte[1 + 32 + 65536 + 16 + 512]));
        byte[] flipped = envelope.clone();
        flipped[100] ^= 1;
        assertThrows(EnvelopeOpeningException.class,
                () -> SealedEnvelope.fromBytes(flipped).open(recipient(bob), pki.verifier(), TestPki.NOW));
    }

    @Test
    void lowOrderEphemeralKeyIsRejected() throws Exception {
        byte[] envelope = SealedEnvelope.seal(sender(alice), bundle(bob), content, SENT, random).toBytes();
        Arrays.fill(envelope, 1, 33, (byte) 0); // enc = the all-zero X25519 point

        assertThrows(EnvelopeOpeningException.class,
                () -> SealedEnvelope.fromBytes(envelope).open(recipient(bob), pki.verifier(), TestPki.NOW));
    }

    @Test
    void contentTooLargeForTheLargestBucketIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SealedEnvelope.seal(sender(alice), bundle(bob), new byte[EnvelopePadding.MAX_PLAINTEXT], SENT, random));
    }

    @Test
    void expiredSenderCertificateIsRejected() {
        SealedEnvelope envelope = SealedEnvelope.seal(sender(alice), bundle(bob), content, SENT, random);

        assertThrows(UntrustedCertificateException.class,
                () -> envelope.open(recipient(bob), pki.verifier(), TestPki.NOW.plus(java.time.Duration.ofDays(400))));
    }

    @Test
    void senderMustHoldTheKeyItsCertificateNames() {
        assertThrows(MalformedEncodingException.class, () -> EnvelopeSender.of(IdentityKeyPair.generate(random), alice.certificate));
    }

    private static SealedEnvelope sealRaw(byte[] signedContent, VerifiedKeyBundle recipient) throws Exception {
        HpkeSuite.Sealed sealed = HpkeSuite.X25519_SHA256_CHACHA20POLY1305.seal(recipient.envelopeKey(),
                SealedEnvelope.info(recipient.identity().phoneNumber()), new byte[] {1}, EnvelopePadding.pad(signedContent),
                AgreementKeyPair.generate(new SecureRandom()));
        byte[] wire = new byte[1 + 32 + sealed.ciphertext().length];
        wire[0] = 1;
        System.arraycopy(sealed.enc(), 0, wire, 1, 32);
        System.arraycopy(sealed.ciphertext(), 0, wire, 33, sealed.ciphertext().length);
        return SealedEnvelope.fromBytes(wire);
    }

    static int longestCommonSubstring(byte[] a, byte[] b) {
        int[] previous = new int[b.length + 1];
        int longest = 0;
        for (int i = 1; i <= a.length; i++) {
            int[] current = new int[b.length + 1];
            for (int j = 1; j <= b.length; j++) {
                if (a[i - 1] == b[j - 1]) {
                    current[j] = previous[j - 1] + 1;
                    longest = Math.max(longest, current[j]);
                }
            }
            previous = current;
        }
        return longest;
    }

    private static EnvelopeSender sender(TestPki.Account account) {
        try {
            return EnvelopeSender.of(account.identity, account.certificate);
        } catch (MalformedEncodingException e) {
            throw new AssertionError(e);
        }
    }

    private VerifiedKeyBundle bundle(TestPki.Account account) {
        try {
            return account.bundle.verify(pki.verifier(), TestPki.NOW);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static EnvelopeRecipient recipient(TestPki.Account account) {
        return new EnvelopeRecipient(account.number, account.envelopeKey);
    }
}
