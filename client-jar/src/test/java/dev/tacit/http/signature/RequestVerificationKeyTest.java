package dev.tacit.http.signature;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An unknown keyid is checked like a registered one (docs/protocol.md §5.3 step 6), and still refused. */
class RequestVerificationKeyTest {

    /** RFC 8032 §7.1 TEST 1: the secret key whose public key is the decoy. */
    private static final byte[] TEST_1_SECRET = Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] TEST_1_PUBLIC = Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    @Test
    void theDecoyIsAValidKeySoDecodingItCostsWhatARegisteredKeyCosts() {
        assertTrue(Ed25519.validatePublicKeyFull(TEST_1_PUBLIC, 0));
        assertTrue(RequestVerificationKey.DECOY.toString().contains(Hex.toHexString(TEST_1_PUBLIC)));
    }

    @Test
    void aSignatureThatVerifiesUnderTheDecoyStillNamesAnUnknownAccount() throws Exception {
        Ed25519TestKey decoyHolder = new Ed25519TestKey("+15555550199", TEST_1_SECRET);
        HttpRequestParts request = SignedRequests.signedWithParams(SignedRequests.post(), decoyHolder, p -> p, "tacit");

        assertThrows(UnknownSigningKeyException.class, () -> SignedRequests.verifierAt(SignedRequests.NOW).verify(request));
    }

    @Test
    void aStoredEncodingMustHaveThirtyTwoBytes() {
        assertThrows(IllegalArgumentException.class, () -> RequestVerificationKey.ofValidatedEncoding(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> RequestVerificationKey.ofValidatedEncoding(new byte[33]));
    }
}
