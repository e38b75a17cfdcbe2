package dev.tacit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.tacit.crypto.envelope.EnvelopeRecipient;
import dev.tacit.crypto.envelope.EnvelopeSender;
import dev.tacit.crypto.envelope.OpenedEnvelope;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.CertificateAuthority;
import dev.tacit.crypto.identity.CertificationRequest;
import dev.tacit.crypto.identity.IdentityCertificate;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.KeyBundle;
import dev.tacit.crypto.identity.KeyPurpose;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.identity.SignedPreKey;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.ratchet.RatchetMessage;
import dev.tacit.crypto.ratchet.RatchetSession;

/**
 * Sealed envelopes (HPKE seal/open with certificate and signature checks) and Double Ratchet encryption.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar EndToEndBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EndToEndBenchmark {

    private final SecureRandom random = new SecureRandom();
    private final byte[] text = "See you at the station at six.".getBytes(StandardCharsets.UTF_8);
    private Instant now;
    private PinnedCaVerifier verifier;
    private EnvelopeSender aliceSender;
    private VerifiedKeyBundle bobBundle;
    private EnvelopeRecipient bobRecipient;
    private SealedEnvelope envelope;
    private RatchetSession alice;
    private RatchetSession bob;

    @Setup
    public void setUp() throws Exception {
        now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.create(IdentityKeyPair.generate(random), "Benchmark CA",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), random);
        verifier = new PinnedCaVerifier(ca.certificate());
        IdentityKeyPair aliceIdentity = IdentityKeyPair.generate(random);
        IdentityKeyPair bobIdentity = IdentityKeyPair.generate(random);
        aliceSender = EnvelopeSender.of(aliceIdentity, issue(ca, aliceIdentity, "+4915100000001"));
        AgreementKeyPair bobEnvelopeKey = AgreementKeyPair.generate(random);
        AgreementKeyPair bobPreKey = AgreementKeyPair.generate(random);
        bobBundle = KeyBundle.of(issue(ca, bobIdentity, "+4915100000002"),
                SignedPreKey.sign(bobIdentity, KeyPurpose.ENVELOPE_KEY, 1, bobEnvelopeKey.publicKey()),
                SignedPreKey.sign(bobIdentity, KeyPurpose.RATCHET_PRE_KEY, 1, bobPreKey.publicKey())).verify(verifier, now);
        bobRecipient = new EnvelopeRecipient(PhoneNumber.of("+4915100000002"), bobEnvelopeKey);
        envelope = SealedEnvelope.seal(aliceSender, bobBundle, text, now, random);

        RatchetSession.Initiated initiated = RatchetSession.initiate(aliceIdentity.publicKey(), bobBundle, random);
        alice = initiated.session();
        bob = RatchetSession.accept(bobIdentity.publicKey(), 1, bobPreKey, aliceIdentity.publicKey(), initiated.initiation(), random);
        bob.decrypt(alice.encrypt(text));
    }

    private IdentityCertificate issue(CertificateAuthority ca, IdentityKeyPair identity, String e164) throws Exception {
        PhoneNumber number = PhoneNumber.of(e164);
        return ca.issue(CertificationRequest.create(identity, number), number, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    /** Sign, pad and HPKE-seal a short content (fresh ephemeral key). */
    @Benchmark
    public SealedEnvelope seal() {
        return SealedEnvelope.seal(aliceSender, bobBundle, text, now, random);
    }

    /** HPKE-open, unpad, verify the sender certificate against the pinned CA and the sender signature. */
    @Benchmark
    public OpenedEnvelope open() throws Exception {
        return envelope.open(bobRecipient, verifier, now);
    }

    /** One symmetric-ratchet encryption (no DH step). */
    @Benchmark
    public RatchetMessage ratchetEncrypt() {
        return alice.encrypt(text);
    }

    /** Encrypt then decrypt in the same chain (no DH step): the decryption cost is this minus ratchetEncrypt. */
    @Benchmark
    public byte[] ratchetEncryptDecrypt() throws Exception {
        return bob.decrypt(alice.encrypt(text));
    }

    /** A message each way, so each side takes a DH ratchet step on receipt. */
    @Benchmark
    public byte[] ratchetRoundTripWithDhSteps() throws Exception {
        bob.decrypt(alice.encrypt(text));
        return alice.decrypt(bob.encrypt(text));
    }
}
