package dev.tacit.crypto.bulk;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.identity.PhoneNumber;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BulkSenderProofTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CHALLENGE = HexFormat.of().parseHex("0102030405");

    @Test
    void theSignedBytesAreTheLabelTheNumberAndTheChallenge() throws Exception {
        // "tacit-bulk-sender-proof-v1", 0x00, 14, "+4915100000001", 01..05: written out by hand from §4.27
        assertArrayEquals(HexFormat.of().parseHex("74616369742d62756c6b2d73656e6465722d70726f6f662d7631" + "00" + "0e"
                        + "2b34393135313030303030303031" + "0102030405"),
                BulkSenderProof.signedBytes(PhoneNumber.of("+4915100000001"), CHALLENGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC", "Ed25519"})
    void eachKindOfKeySignsAProofThatVerifiesForItsAccountAndChallengeOnly(String kind) throws Exception {
        KeyPair keys = keyPair(kind);
        PhoneNumber alice = PhoneNumber.of("+4915100000001");
        byte[] proof = BulkSenderProof.sign(keys.getPrivate(), alice, CHALLENGE, RANDOM);

        assertDoesNotThrow(() -> BulkSenderProof.verify(keys.getPublic(), alice, CHALLENGE, proof));
        assertThrows(VerificationFailedException.class, () -> BulkSenderProof.verify(keys.getPublic(),
                PhoneNumber.of("+4915100000002"), CHALLENGE, proof), "another account");
        assertThrows(VerificationFailedException.class, () -> BulkSenderProof.verify(keys.getPublic(), alice,
                HexFormat.of().parseHex("0102030406"), proof), "another challenge");
        assertThrows(VerificationFailedException.class, () -> BulkSenderProof.verify(keyPair(kind).getPublic(), alice,
                CHALLENGE, proof), "another key");
        assertThrows(VerificationFailedException.class, () -> BulkSenderProof.verify(keys.getPublic(), alice,
                CHALLENGE, new byte[] {1, 2, 3}), "not a signature at all");
    }

    @Test
    void keysNoSchemeCoversAreRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair small = rsa.generateKeyPair();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = ec.generateKeyPair();
        PhoneNumber alice = PhoneNumber.of("+4915100000001");

        assertThrows(MalformedEncodingException.class, () -> BulkSenderProof.sign(small.getPrivate(), alice, CHALLENGE,
                RANDOM));
        assertThrows(MalformedEncodingException.class, () -> BulkSenderProof.verify(small.getPublic(), alice, CHALLENGE,
                new byte[128]));
        assertThrows(MalformedEncodingException.class, () -> BulkSenderProof.verify(p384.getPublic(), alice, CHALLENGE,
                new byte[64]));
    }

    static KeyPair keyPair(String kind) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(kind);
        if (kind.equals("RSA")) {
            generator.initialize(2048);
        } else if (kind.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return generator.generateKeyPair();
    }
}
