package dev.tacit.crypto.envelope;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.tacit.crypto.identity.AgreementKeyPair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 9180 Appendix A.1.1 and A.2.1 (base mode), first encryption (sequence number 0), typed in from the RFC. */
class HpkeSuiteVectorsTest {

    private static final String INFO = "4f6465206f6e2061204772656369616e2055726e";
    private static final String PT = "4265617574792069732074727574682c20747275746820626561757479";
    private static final String AAD = "436f756e742d30";

    @Test
    void chaCha20Poly1305SuiteMatchesRfc9180AppendixA2() throws Exception {
        checkVector(HpkeSuite.X25519_SHA256_CHACHA20POLY1305,
                "909a9b35d3dc4713a5e72a4da274b55d3d3821a37e5d099e74a647db583a904b",
                "1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a",
                "f4ec9b33b792c372c1d2c2063507b684ef925b8c75a42dbcbf57d63ccd381600",
                "1ac01f181fdf9f352797655161c58b75c656a6cc2716dcb66372da835542e1df",
                "4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a",
                "8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb",
                "1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28");
    }

    @Test
    void aes128GcmSuiteMatchesRfc9180AppendixA1() throws Exception {
        checkVector(HpkeSuite.X25519_SHA256_AES128GCM,
                "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234",
                "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
                "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736",
                "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037",
                "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d",
                "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8",
                "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a");
    }

    @Test
    void alteredVectorCiphertextDoesNotOpen() throws Exception {
        AgreementKeyPair recipient = AgreementKeyPair.fromPrivateBytes(
                hex("8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb"));
        byte[] ct = hex("1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a29");

        assertThrows(EnvelopeOpeningException.class, () -> HpkeSuite.X25519_SHA256_CHACHA20POLY1305.open(recipient,
                hex("1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a"), hex(INFO), hex(AAD), ct));
    }

    private static void checkVector(HpkeSuite suite, String ikmE, String pkEm, String skEm, String ikmR, String pkRm, String skRm,
                                     String ct) throws Exception {
        AgreementKeyPair ephemeral = suite.deriveKeyPair(hex(ikmE));
        AgreementKeyPair recipient = suite.deriveKeyPair(hex(ikmR));
        assertEquals(pkEm, HexFormat.of().formatHex(ephemeral.publicKey().toBytes()));
        // Bouncy Castle stores private keys clamped, the RFC prints them unclamped: compare through the public keys.
        assertEquals(pkEm, HexFormat.of().formatHex(AgreementKeyPair.fromPrivateBytes(hex(skEm)).publicKey().toBytes()));
        assertEquals(pkRm, HexFormat.of().formatHex(recipient.publicKey().toBytes()));
        assertEquals(pkRm, HexFormat.of().formatHex(AgreementKeyPair.fromPrivateBytes(hex(skRm)).publicKey().toBytes()));

        HpkeSuite.Sealed sealed = suite.seal(recipient.publicKey(), hex(INFO), hex(AAD), hex(PT),
                AgreementKeyPair.fromPrivateBytes(hex(skEm)));

        assertEquals(pkEm, HexFormat.of().formatHex(sealed.enc()), "enc");
        assertEquals(ct, HexFormat.of().formatHex(sealed.ciphertext()), "ct");
        assertArrayEquals(hex(PT), suite.open(AgreementKeyPair.fromPrivateBytes(hex(skRm)), hex(pkEm), hex(INFO), hex(AAD), hex(ct)));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
