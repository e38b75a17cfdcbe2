package dev.tacit.crypto.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The RFC 9578 Appendix A.2 vectors (issuance protocol 2, Blind RSA) and the way to read their fields. */
final class Rfc9578TestVectors {

    static final List<TestVectorFile.Vector> VECTORS = TestVectorFile.load("rfc9578-blind-rsa-test-vectors.txt");

    private Rfc9578TestVectors() {
    }

    /** skS is the hex of a PEM document holding an unencrypted PKCS#8 key. */
    static IssuerKeyPair issuerKey(TestVectorFile.Vector vector) throws Exception {
        String pem = new String(vector.bytes("skS"), StandardCharsets.US_ASCII);
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return IssuerKeyPair.decodePkcs8(Base64.getDecoder().decode(base64));
    }

    /** The vectors' "blind" is the blinding factor r itself; the client keeps r and unblinds with r^-1. */
    static BigInteger blindingFactor(TestVectorFile.Vector vector) {
        return vector.integer("blind");
    }
}
