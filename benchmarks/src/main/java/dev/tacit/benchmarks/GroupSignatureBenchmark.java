package dev.tacit.benchmarks;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.PhoneNumber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.Pairing;
import supranational.blst.PT;

/**
 * BBS group signatures against the pairing primitives they are built from, in one run so that the
 * verify/pairing ratio is honest. The primitive benchmarks also give the parts of a verification:
 * 3 G1 decodes, 3 full-width and 3 128-bit variable-base multiplications, 7 multiplications by fixed points
 * (with tables ~43 mixed additions each, 32 for g1; without tables, 6 of them are variable-base
 * multiplications), one Miller loop over two pairs, one final exponentiation and the challenge hash.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GroupSignatureBenchmark {

    private static final BigInteger R =
            new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

    private P1_Affine g1Point;
    private P2_Affine g2Point;
    private P1_Affine otherG1Point;
    private P2_Affine otherG2Point;
    private PT millerLoopOutput;
    private byte[] compressedG1;
    private BigInteger fullScalar;
    private BigInteger challengeSizedScalar;
    private P1_Affine[] tableEntries;

    private GroupManagerKey manager;
    private MemberCredential member;
    private GroupSignatureVerifier verifierWithTables;
    private byte[] groupPublicKeyBytes;
    private GroupSignedMessage message;
    private byte[] signatureBytes;
    private GroupSignature signature;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        fullScalar = new BigInteger(255, random).mod(R);
        challengeSizedScalar = new BigInteger(128, random);
        P1 point = P1.generator().mult(new BigInteger(255, random).mod(R));
        g1Point = point.to_affine();
        compressedG1 = point.compress();
        g2Point = P2_Affine.generator();
        otherG1Point = P1.generator().mult(new BigInteger(255, random).mod(R)).to_affine();
        otherG2Point = P2.generator().mult(new BigInteger(255, random).mod(R)).to_affine();
        millerLoopOutput = new PT(g1Point, g2Point);
        tableEntries = new P1_Affine[43];
        for (int i = 0; i < tableEntries.length; i++) {
            tableEntries[i] = P1.generator().mult(BigInteger.valueOf(i + 2)).to_affine();
        }

        manager = GroupManagerKey.generate(200);
        member = manager.mintMember(17);
        verifierWithTables = GroupSignatureVerifier.withTables(manager.groupPublicKey());
        groupPublicKeyBytes = manager.groupPublicKey().toBytes();
        message = GroupSignedMessage.of(number("+4915100000002"), envelope(random), Instant.now());
        signature = member.sign(message);
        signatureBytes = signature.toBytes();
    }

    @Benchmark
    public boolean pairing() {
        return new PT(g1Point, g2Point).final_exp().is_one();
    }

    @Benchmark
    public PT millerLoop() {
        return new PT(g1Point, g2Point);
    }

    /** The verifier's e(X, g2) · e(Y, w) before its final exponentiation: one Miller loop over two pairs. */
    @Benchmark
    public PT millerLoopTwoPairs() {
        Pairing millerLoops = new Pairing(true, "unused");
        millerLoops.raw_aggregate(g2Point, g1Point);
        millerLoops.raw_aggregate(otherG2Point, otherG1Point);
        millerLoops.commit();
        return millerLoops.as_fp12();
    }

    @Benchmark
    public PT finalExponentiation() {
        return millerLoopOutput.dup().final_exp();
    }

    @Benchmark
    public P1 g1ScalarMultiplication() {
        return g1Point.to_jacobian().mult(fullScalar);
    }

    @Benchmark
    public P1 g1ScalarMultiplication128Bit() {
        return g1Point.to_jacobian().mult(challengeSizedScalar);
    }

    /** What one fixed-base table multiplication of the verifier costs: 43 mixed additions. */
    @Benchmark
    public P1 g1FixedBaseTableMultiplication() {
        P1 sum = new P1();
        for (P1_Affine entry : tableEntries) {
            sum.add(entry);
        }
        return sum;
    }

    @Benchmark
    public boolean g1DecodeAndSubgroupCheck() {
        return new P1_Affine(compressedG1).in_group();
    }

    @Benchmark
    public GroupSignature bbsSign() {
        return member.sign(message);
    }

    /**
     * A reply to a group whose verifier is cached (warm): decoding the signature with all checks, and
     * verification with the group's fixed-base tables.
     */
    @Benchmark
    public GroupSignature bbsVerifyWarm() throws CryptoException {
        GroupSignature decoded = GroupSignature.fromBytes(signatureBytes);
        verifierWithTables.verify(decoded, message);
        return decoded;
    }

    /**
     * A reply to a group with nothing cached but its decoded public key (cold): decoding the signature, and
     * verification without per-group tables.
     */
    @Benchmark
    public GroupSignature bbsVerifyCold() throws CryptoException {
        GroupSignature decoded = GroupSignature.fromBytes(signatureBytes);
        GroupSignatureVerifier.withoutTables(manager.groupPublicKey()).verify(decoded, message);
        return decoded;
    }

    /** Decoding a stored group public key with all checks (3 G1 and 1 G2 point). */
    @Benchmark
    public GroupPublicKey groupPublicKeyDecode() throws CryptoException {
        return GroupPublicKey.fromBytes(groupPublicKeyBytes);
    }

    /** One-off cost per group of the warm path: the fixed-base tables for h, u and v. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public GroupSignatureVerifier bbsTableBuild() {
        return GroupSignatureVerifier.withTables(manager.groupPublicKey());
    }

    @Benchmark
    public int bbsOpen() throws CryptoException {
        return manager.open(signature, message);
    }

    private static PhoneNumber number(String e164) {
        try {
            return PhoneNumber.of(e164);
        } catch (MalformedEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Random bytes in the shape of a sealed envelope of the 512-byte bucket: all the server sees of one. */
    private static SealedEnvelope envelope(SecureRandom random) {
        byte[] bytes = new byte[1 + 32 + 512 + 16];
        random.nextBytes(bytes);
        bytes[0] = SealedEnvelope.VERSION;
        try {
            return SealedEnvelope.fromBytes(bytes);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
