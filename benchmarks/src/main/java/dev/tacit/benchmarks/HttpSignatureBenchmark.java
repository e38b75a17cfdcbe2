package dev.tacit.benchmarks;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.tacit.http.signature.HttpFields;
import dev.tacit.http.signature.HttpRequestParts;
import dev.tacit.http.signature.RequestSigner;
import dev.tacit.http.signature.RequestSigningKey;
import dev.tacit.http.signature.RequestVerificationKey;
import dev.tacit.http.signature.RequestVerifier;
import dev.tacit.http.signature.SignatureHeaders;
import dev.tacit.http.signature.VerifiedRequest;

/**
 * Tacit's RFC 9421 request signatures (docs/protocol.md §5), one thread: the client signing a POST with a
 * 1 KiB body, and the server verifying it and a body-less GET. Ed25519 through Bouncy Castle, standing in
 * for the account identity key types.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HttpSignatureBenchmark {

    private static final String PHONE = "+15555550100";
    private static final String UNREGISTERED = "+15555550199";

    private RequestSigner signer;
    private RequestVerifier verifier;
    private HttpRequestParts post;
    private HttpRequestParts signedPost;
    private HttpRequestParts signedGet;
    private HttpRequestParts forgedForRegistered;
    private HttpRequestParts forgedForUnregistered;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(random);
        var publicKey = privateKey.generatePublicKey();
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
        signer = new RequestSigner(new BcSigningKey(privateKey), clock, random);
        RequestVerificationKey verificationKey = RequestVerificationKey.ofValidatedEncoding(publicKey.getEncoded());
        verifier = new RequestVerifier(id -> id.equals(PHONE) ? Optional.of(verificationKey) : Optional.empty(),
                clock, RequestVerifier.DEFAULT_FRESHNESS_WINDOW);

        byte[] body = new byte[1024];
        random.nextBytes(body);
        post = HttpRequestParts.of("POST", URI.create("https://tacit.example/v1/account/prekeys?replace=true"),
                HttpFields.builder().add("Content-Type", "application/json").build(), body);
        signedPost = post.withHeaders(post.headers().plus(signer.sign(post).asMap()));
        HttpRequestParts get = HttpRequestParts.of("GET", URI.create("https://tacit.example/v1/account"), HttpFields.empty(), new byte[0]);
        signedGet = get.withHeaders(get.headers().plus(signer.sign(get).asMap()));

        BcSigningKey forger = new BcSigningKey(new Ed25519PrivateKeyParameters(random));
        forgedForRegistered = get.withHeaders(get.headers().plus(
                new RequestSigner(forger, clock, random).sign(get).asMap()));
        BcSigningKey stranger = new BcSigningKey(new Ed25519PrivateKeyParameters(random), UNREGISTERED);
        forgedForUnregistered = get.withHeaders(get.headers().plus(
                new RequestSigner(stranger, clock, random).sign(get).asMap()));
    }

    /** Client: nonce, Content-Digest of 1 KiB, signature base, Ed25519 signature, header serialisation. */
    @Benchmark
    public SignatureHeaders signPost() {
        return signer.sign(post);
    }

    /** Server: parse the fields, check the profile and freshness, digest 1 KiB, Ed25519 verify. */
    @Benchmark
    public VerifiedRequest verifyPost() throws Exception {
        return verifier.verify(signedPost);
    }

    /** Server: the same for a request without content. */
    @Benchmark
    public VerifiedRequest verifyGet() throws Exception {
        return verifier.verify(signedGet);
    }

    /** Server: a GET signed by the wrong key for a registered keyid, refused (docs/protocol.md §5.3). */
    @Benchmark
    public Exception refuseForgedForRegistered() {
        return refusal(forgedForRegistered);
    }

    /** Server: the same for an unregistered keyid, checked against the decoy key: should cost the same. */
    @Benchmark
    public Exception refuseForgedForUnregistered() {
        return refusal(forgedForUnregistered);
    }

    private Exception refusal(HttpRequestParts forged) {
        try {
            verifier.verify(forged);
            throw new IllegalStateException("a forged request verified");
        } catch (dev.tacit.crypto.CryptoException expected) {
            return expected;
        }
    }

    private static final class BcSigningKey implements RequestSigningKey {

        private final Ed25519PrivateKeyParameters key;
        private final String keyId;

        BcSigningKey(Ed25519PrivateKeyParameters key) {
            this(key, PHONE);
        }

        BcSigningKey(Ed25519PrivateKeyParameters key, String keyId) {
            this.key = key;
            this.keyId = keyId;
        }

        @Override
        public String keyId() {
            return keyId;
        }

        @Override
        public byte[] sign(byte[] signatureBase) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(signatureBase, 0, signatureBase.length);
            return signer.generateSignature();
        }
    }
}
