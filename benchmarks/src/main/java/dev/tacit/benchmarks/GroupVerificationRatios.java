package dev.tacit.benchmarks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.identity.PhoneNumber;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * Cold and warm group-signature verification and the table build, each as a multiple of one pairing measured
 * in the same round, one operation of each kind in turn: on a shared machine whose load swings by factors of
 * two within a minute, ratios of operations a millisecond apart are steadier than those of separate JMH
 * benchmarks run minutes apart. Prints the median,
 * lowest and highest ratio over the rounds. Run after {@link GroupSignatureBenchmark}'s build with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.tacit.benchmarks.GroupVerificationRatios}.
 */
public final class GroupVerificationRatios {

    private static final int WARM_UP_ROUNDS = 5;
    private static final int ROUNDS = 40;
    /** Pairings, cold and warm verifications per round, interleaved one by one. */
    private static final int BLOCK = 16;

    private GroupVerificationRatios() {
    }

    public static void main(String[] args) throws CryptoException {
        SecureRandom random = new SecureRandom();
        GroupManagerKey manager = GroupManagerKey.generate(200);
        GroupPublicKey groupPublicKey = manager.groupPublicKey();
        byte[] envelope = new byte[1 + 32 + 512 + 16];
        random.nextBytes(envelope);
        envelope[0] = SealedEnvelope.VERSION;
        GroupSignedMessage message = GroupSignedMessage.of(PhoneNumber.of("+4915100000002"),
                SealedEnvelope.fromBytes(envelope), Instant.now());
        byte[] signature = manager.mintMember(17).sign(message).toBytes();
        GroupSignatureVerifier withTables = GroupSignatureVerifier.withTables(groupPublicKey);
        P1_Affine g1 = P1_Affine.generator();
        P2_Affine g2 = P2_Affine.generator();

        double[][] ratios = new double[3][ROUNDS];
        double[] pairingMicros = new double[ROUNDS];
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            // One of each in turn, so that all three see the same load.
            long pairing = 0;
            long cold = 0;
            long warm = 0;
            for (int i = 0; i < BLOCK; i++) {
                long start = System.nanoTime();
                new PT(g1, g2).final_exp();
                long afterPairing = System.nanoTime();
                GroupSignatureVerifier.withoutTables(groupPublicKey).verify(GroupSignature.fromBytes(signature), message);
                long afterCold = System.nanoTime();
                withTables.verify(GroupSignature.fromBytes(signature), message);
                long afterWarm = System.nanoTime();
                pairing += afterPairing - start;
                cold += afterCold - afterPairing;
                warm += afterWarm - afterCold;
            }
            long start = System.nanoTime();
            GroupSignatureVerifier.withTables(groupPublicKey);
            double build = System.nanoTime() - start;

            if (round >= 0) {
                pairingMicros[round] = pairing / 1000.0 / BLOCK;
                ratios[0][round] = cold / (double) pairing;
                ratios[1][round] = warm / (double) pairing;
                ratios[2][round] = build * BLOCK / pairing;
            }
        }
        System.out.printf(Locale.ROOT, "%d rounds of %d operations each; pairing median %.0f µs (%.0f to %.0f)%n",
                ROUNDS, BLOCK, median(pairingMicros), min(pairingMicros), max(pairingMicros));
        String[] names = {"cold verify (decode + verify without tables)", "warm verify (decode + verify with tables)",
                "table build (h, u, v)"};
        for (int k = 0; k < names.length; k++) {
            System.out.printf(Locale.ROOT, "%-46s ÷ pairing: median %6.2f, range %6.2f to %6.2f%n", names[k],
                    median(ratios[k]), min(ratios[k]), max(ratios[k]));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
