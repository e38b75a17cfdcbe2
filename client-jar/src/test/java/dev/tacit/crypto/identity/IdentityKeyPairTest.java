package dev.tacit.crypto.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentityKeyPairTest {

    private final SecureRandom random = new SecureRandom();
    private final byte[] message = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureVerifiesUnderItsOwnKeyOnly() throws Exception {
        IdentityKeyPair alice = IdentityKeyPair.generate(random);
        IdentityKeyPair mallory = IdentityKeyPair.generate(random);
        byte[] signature = alice.sign(message);

        assertDoesNotThrow(() -> alice.publicKey().verify(message, signature));
        assertThrows(VerificationFailedException.class, () -> mallory.publicKey().verify(message, signature));
        assertThrows(VerificationFailedException.class, () -> alice.publicKey().verify("hellO".getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void keysSurviveTheirEncodings() throws Exception {
        IdentityKeyPair pair = IdentityKeyPair.generate(random);

        assertEquals(pair.publicKey(), IdentityKeyPair.fromSeed(pair.seedBytes(InsecureSecretKeyAccess.get())).publicKey());
        assertEquals(pair.publicKey(), IdentityPublicKey.fromBytes(pair.publicKey().toBytes()));
    }

    @Test
    void rejectsSmallOrderAndMisSizedPublicKeys() {
        byte[] neutralElement = new byte[32];
        neutralElement[0] = 1;
        assertThrows(MalformedEncodingException.class, () -> IdentityPublicKey.fromBytes(neutralElement));
        assertThrows(MalformedEncodingException.class, () -> IdentityPublicKey.fromBytes(new byte[31]));
    }

    @Test
    void toStringNeverShowsPrivateKeys() {
        IdentityKeyPair identity = IdentityKeyPair.generate(random);
        AgreementKeyPair agreement = AgreementKeyPair.generate(random);

        assertFalse(identity.toString().contains(HexFormat.of().formatHex(identity.seedBytes(InsecureSecretKeyAccess.get()))));
        assertFalse(agreement.toString().contains(HexFormat.of().formatHex(agreement.privateBytes(InsecureSecretKeyAccess.get()))));
    }

    @Test
    void agreementRefusesLowOrderPoints() {
        AgreementKeyPair pair = AgreementKeyPair.generate(random);

        assertThrows(VerificationFailedException.class, () -> pair.agree(AgreementPublicKey.fromBytes(new byte[32])));
    }
}
