package dev.tacit.crosscheck;

import java.security.GeneralSecurityException;

import org.junit.jupiter.api.Test;

import static dev.tacit.crosscheck.Octets.ascii;
import static dev.tacit.crosscheck.Octets.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The constructions this package writes on top of the JDK and Milagro, against the RFCs' own published vectors
 * (typed in from the RFCs), so that a cross-check failing points at Tacit or the document, not at the checker.
 */
class IndependentImplementationsTest {

    @Test
    void x25519MatchesRfc7748Section6() throws GeneralSecurityException {
        byte[] alicePrivate = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bobPrivate = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");

        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", hex(JdkCurve25519.x25519Public(alicePrivate)));
        assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", hex(JdkCurve25519.x25519Public(bobPrivate)));
        assertEquals("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742",
                hex(JdkCurve25519.x25519(alicePrivate, JdkCurve25519.x25519Public(bobPrivate))));
    }

    @Test
    void ed25519MatchesRfc8032Test1() throws GeneralSecurityException {
        byte[] seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] publicKey = JdkCurve25519.ed25519Public(seed);
        byte[] signature = JdkCurve25519.ed25519Sign(seed, new byte[0]);

        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", hex(publicKey));
        assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                + "d25bf5f0595bbe24655141438e7a100b", hex(signature));
        assertTrue(JdkCurve25519.ed25519Verify(publicKey, new byte[0], signature));
        assertFalse(JdkCurve25519.ed25519Verify(publicKey, new byte[1], signature));
    }

    @Test
    void hkdfMatchesRfc5869TestCase1() throws GeneralSecurityException {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] prk = Hkdf.extract(hex("000102030405060708090a0b0c"), ikm);

        assertEquals("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", hex(prk));
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                hex(Hkdf.expand(prk, hex("f0f1f2f3f4f5f6f7f8f9"), 42)));
    }

    @Test
    void hkdfWithoutSaltMatchesRfc5869TestCase3() throws GeneralSecurityException {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                hex(Hkdf.derive(new byte[0], ikm, new byte[0], 42)));
    }

    @Test
    void hpkeMatchesRfc9180AppendixA2() throws GeneralSecurityException {
        byte[] info = hex("4f6465206f6e2061204772656369616e2055726e");
        byte[] aad = hex("436f756e742d30");
        byte[] plaintext = hex("4265617574792069732074727574682c20747275746820626561757479");
        byte[] skEm = hex("f4ec9b33b792c372c1d2c2063507b684ef925b8c75a42dbcbf57d63ccd381600");
        byte[] pkRm = hex("4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a");
        byte[] skRm = hex("8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb");
        String expected = "1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a"
                + "1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28";

        assertEquals(expected, hex(Hpke.sealBase(pkRm, info, aad, plaintext, skEm)));
        assertArrayEquals(plaintext, Hpke.openBase(skRm, hex(expected), info, aad));
        assertThrows(GeneralSecurityException.class, () -> Hpke.openBase(skRm, hex(expected), info, new byte[0]));
    }

    @Test
    void expandMessageXmdMatchesRfc9380AppendixK1() throws GeneralSecurityException {
        String dst = "QUUX-V01-CS02-with-expander-SHA256-128";

        assertEquals("68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235", hex(Xmd.expand(ascii(""), dst, 0x20)));
        assertEquals("d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615", hex(Xmd.expand(ascii("abc"), dst, 0x20)));
        assertEquals("abba86a6129e366fc877aab32fc4ffc70120d8996c88aee2fe4b32d6c7b6437a647e6c3163d40b76a73cf6a5674ef1d8"
                + "90f95b664ee0afa5359a5c4e07985635bbecbac65d747d3d2da7ec2b8221b17b0ca9dc8a1ac1c07ea6a1e60583e2cb"
                + "00058e77b7b72a298425cd1b941ad4ec65e8afc50303a22c0f99b0509b4c895f40", hex(Xmd.expand(ascii("abc"), dst, 0x80)));
    }
}
