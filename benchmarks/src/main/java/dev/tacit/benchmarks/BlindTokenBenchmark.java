package dev.tacit.benchmarks;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.tacit.crypto.token.IssuerKeyPair;
import dev.tacit.crypto.token.IssuerKeyRing;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.RedemptionContext;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenClient;
import dev.tacit.crypto.token.TokenPurpose;
import dev.tacit.crypto.token.TokenRequest;
import dev.tacit.crypto.token.TokenResponse;
import dev.tacit.crypto.token.TokenVerifier;

/**
 * Blind-RSA token (Privacy Pass type 0x0002, RSA-2048) operations, one thread: the server's token
 * verification (target: at least 5,000 per second per core), the issuer's blind signature, and the client's
 * blinding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BlindTokenBenchmark {

    private IssuerKeyPair issuer;
    private TokenClient client;
    private TokenChallenge challenge;
    private TokenRequest request;
    private Token token;
    private TokenVerifier verifier;

    @Setup
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        issuer = IssuerKeyPair.generate(random);
        client = new TokenClient(issuer.publicKey(), random);
        challenge = TokenChallenge.forPurpose("tacit.example", TokenPurpose.FIRST_CONTACT, RedemptionContext.none());
        PendingToken pending = client.blind(challenge);
        request = pending.request();
        token = pending.finalizeToken(issuer.blindSign(request));
        verifier = new TokenVerifier(IssuerKeyRing.of(issuer.publicKey()));
    }

    /** Server: decode a received token and verify it against the expected challenge. */
    @Benchmark
    public Token verifyToken() throws Exception {
        Token received = Token.decode(token.encode());
        verifier.verify(received, challenge);
        return received;
    }

    /** Issuer: blind-sign one token request (RSA-2048 CRT private operation plus its consistency check). */
    @Benchmark
    public TokenResponse issueToken() throws Exception {
        return issuer.blindSign(request);
    }

    /** Client: draw a nonce and blind one token request. */
    @Benchmark
    public PendingToken blindRequest() {
        return client.blind(challenge);
    }
}
