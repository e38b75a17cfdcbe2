package dev.tacit.benchmarks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupKeyUpdate;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.PhoneNumber;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * {@link GroupRevocationBenchmark}'s operations as multiples of one pairing measured in the same round, one of each
 * in turn (as {@link GroupVerificationRatios} does): cold and warm verification for groups of 1,100 members with 0,
 * 10 and 1,000 revoked, the server's check of one uploaded update, one step of a member's catch-up, and the table
 * build with and without revocations. Prints the median, lowest and highest ratio over the rounds. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.tacit.benchmarks.RevocationRatios}.
 */
public final class RevocationRatios {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 30;
    private static final int BLOCK = 8;
    private static final int[] BLOCKED = {0, 10, 1000};

    private RevocationRatios() {
    }

    public static void main(String[] args) throws CryptoException {
        SecureRandom random = new SecureRandom();
        byte[] envelope = new byte[1 + 32 + 512 + 16];
        random.nextBytes(envelope);
        envelope[0] = SealedEnvelope.VERSION;
        GroupSignedMessage message = GroupSignedMessage.of(PhoneNumber.of("+4915100000002"),
                SealedEnvelope.fromBytes(envelope), Instant.now());

        GroupManagerKey base = GroupManagerKey.generate(GroupRevocationBenchmark.MEMBERS);
        GroupPublicKey[] keys = new GroupPublicKey[BLOCKED.length];
        GroupSignatureVerifier[] withTables = new GroupSignatureVerifier[BLOCKED.length];
        byte[][] signatures = new byte[BLOCKED.length][];
        for (int g = 0; g < BLOCKED.length; g++) {
            GroupManagerKey manager = GroupRevocationBenchmark.managerWithRevoked(base, BLOCKED[g]);
            keys[g] = manager.groupPublicKey();
            withTables[g] = GroupSignatureVerifier.withTables(keys[g]);
            signatures[g] = manager.mintMember(GroupRevocationBenchmark.SIGNER).sign(message).toBytes();
        }
        GroupManagerKey tenRevoked = GroupRevocationBenchmark.managerWithRevoked(base, 10);
        List<GroupKeyUpdate> eleventh = tenRevoked.revoke(500).next().updatesSince(10);
        byte[] update = eleventh.get(0).toBytes();
        MemberCredential member = tenRevoked.mintMember(GroupRevocationBenchmark.SIGNER);
        P1_Affine g1 = P1_Affine.generator();
        P2_Affine g2 = P2_Affine.generator();

        String[] names = new String[2 * BLOCKED.length + 4];
        for (int g = 0; g < BLOCKED.length; g++) {
            names[2 * g] = "cold verify, " + BLOCKED[g] + " revoked";
            names[2 * g + 1] = "warm verify, " + BLOCKED[g] + " revoked";
        }
        int check = 2 * BLOCKED.length;
        names[check] = "server checks one update (decode + C1 + C2)";
        names[check + 1] = "member applies one update";
        names[check + 2] = "table build, 0 revoked (h, u, v)";
        names[check + 3] = "table build, 1000 revoked (h, u, v, g1)";
        double[][] ratios = new double[names.length][ROUNDS];
        double[] pairingMicros = new double[ROUNDS];
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            long pairing = 0;
            long[] spent = new long[names.length];
            for (int i = 0; i < BLOCK; i++) {
                long start = System.nanoTime();
                new PT(g1, g2).final_exp();
                pairing += System.nanoTime() - start;
                for (int g = 0; g < BLOCKED.length; g++) {
                    start = System.nanoTime();
                    GroupSignatureVerifier.withoutTables(keys[g]).verify(GroupSignature.fromBytes(signatures[g]), message);
                    long afterCold = System.nanoTime();
                    withTables[g].verify(GroupSignature.fromBytes(signatures[g]), message);
                    spent[2 * g] += afterCold - start;
                    spent[2 * g + 1] += System.nanoTime() - afterCold;
                }
                start = System.nanoTime();
                keys[1].apply(GroupKeyUpdate.fromBytes(update));
                long afterCheck = System.nanoTime();
                member.update(eleventh.get(0));
                spent[check] += afterCheck - start;
                spent[check + 1] += System.nanoTime() - afterCheck;
            }
            long start = System.nanoTime();
            GroupSignatureVerifier.withTables(keys[0]);
            long afterFirst = System.nanoTime();
            GroupSignatureVerifier.withTables(keys[2]);
            spent[check + 2] = (afterFirst - start) * BLOCK;
            spent[check + 3] = (System.nanoTime() - afterFirst) * BLOCK;
            if (round >= 0) {
                pairingMicros[round] = pairing / 1000.0 / BLOCK;
                for (int k = 0; k < names.length; k++) {
                    ratios[k][round] = spent[k] / (double) pairing;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d rounds of %d operations each; pairing median %.0f µs (%.0f to %.0f)%n",
                ROUNDS, BLOCK, median(pairingMicros), min(pairingMicros), max(pairingMicros));
        for (int k = 0; k < names.length; k++) {
            System.out.printf(Locale.ROOT, "%-44s ÷ pairing: median %6.2f, range %6.2f to %6.2f%n", names[k],
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
