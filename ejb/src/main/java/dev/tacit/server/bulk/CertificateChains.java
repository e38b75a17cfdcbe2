package dev.tacit.server.bulk;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import dev.tacit.server.bulk.BulkSenderRefusedException.Reason;

/** Decodes a proof's certificate chain (docs/protocol.md §4.27): 1 to {@value #MAX_LENGTH} DER certificates. */
final class CertificateChains {

    /** The most certificates a chain may have: a leaf, intermediates, and perhaps the root. */
    static final int MAX_LENGTH = 5;

    private CertificateChains() {
    }

    /**
     * @throws BulkSenderRefusedException {@code INVALID_CHAIN}, naming the certificate by position, if one does not
     *                                    decode as one DER X.509 certificate
     */
    static List<X509Certificate> decode(List<byte[]> encoded) {
        if (encoded.isEmpty() || encoded.size() > MAX_LENGTH) {
            throw invalid("a chain has 1 to " + MAX_LENGTH + " certificates, not " + encoded.size());
        }
        List<X509Certificate> chain = new ArrayList<>(encoded.size());
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < encoded.size(); i++) {
                try {
                    X509Certificate certificate = (X509Certificate) x509.generateCertificate(
                            new ByteArrayInputStream(encoded.get(i)));
                    if (!java.util.Arrays.equals(certificate.getEncoded(), encoded.get(i))) {
                        throw invalid("certificateChain[" + i + "] has bytes after its certificate");
                    }
                    chain.add(certificate);
                } catch (CertificateException | ClassCastException e) {
                    throw invalid("certificateChain[" + i + "] is not a DER X.509 certificate");
                }
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("every Java platform has an X.509 certificate factory", e);
        }
        return chain;
    }

    static BulkSenderRefusedException invalid(String detail) {
        return new BulkSenderRefusedException(Reason.INVALID_CHAIN, "The certificate chain is refused: " + detail + ".");
    }
}
