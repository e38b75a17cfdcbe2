package dev.tacit.benchmarks;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
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

    private RequestSigner signer;
    private RequestVerifier verifier;
    private HttpRequestParts post;
    private HttpRequestParts signedPost;
    private HttpRequestParts signedGet;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(random);
        Ed25519PublicKeyParameters publicKey = privateKey.generatePublicKey();
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
        signer = new RequestSigner(new BcSigningKey(privateKey), clock, random);
        RequestVerificationKey verificationKey = new BcVerificationKey(publicKey);
        verifier = new RequestVerifier(id -> id.equals(PHONE) ? Optional.of(verificationKey) : Optional.empty(),
                clock, RequestVerifier.DEFAULT_FRESHNESS_WINDOW);

        byte[] body = new byte[1024];
        random.nextBytes(body);
        post = HttpRequestParts.of("POST", URI.create("https://tacit.example/v1/account/prekeys?replace=true"),
                HttpFields.builder().add("Content-Type", "application/json").build(), body);
        signedPost = post.withHeaders(post.headers().plus(signer.sign(post).asMap()));
        HttpRequestParts get = HttpRequestParts.of("GET", URI.create("https://tacit.example/v1/account"), HttpFields.empty(), new byte[0]);
        signedGet = get.withHeaders(get.headers().plus(signer.sign(get).asMap()));
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

    private static final class BcSigningKey implements RequestSigningKey {

        private final Ed25519PrivateKeyParameters key;

        BcSigningKey(Ed25519PrivateKeyParameters key) {
            this.key = key;
        }

        @Override
        public String keyId() {
            return PHONE;
        }

        @Override
        public byte[] sign(byte[] signatureBase) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(signatureBase, 0, signatureBase.length);
            return signer.generateSignature();
        }
    }

    private static final class BcVerificationKey implements RequestVerificationKey {

        private final Ed25519PublicKeyParameters key;

        BcVerificationKey(Ed25519PublicKeyParameters key) {
            this.key = key;
        }

        @Override
        public boolean verify(byte[] signatureBase, byte[] signature) {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, key);
            verifier.update(signatureBase, 0, signatureBase.length);
            return verifier.verifySignature(signature);
        }
    }
}
