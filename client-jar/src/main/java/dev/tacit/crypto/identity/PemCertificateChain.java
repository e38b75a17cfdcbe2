package dev.tacit.crypto.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * The server's CA certificates as one text (docs/protocol.md §4.4, {@code application/pem-certificate-chain}):
 * a PEM {@code CERTIFICATE} block (RFC 7468) per certificate, in order.
 */
public final class PemCertificateChain {

    private PemCertificateChain() {
    }

    public static String write(List<CaCertificate> certificates) {
        StringWriter text = new StringWriter();
        try (PemWriter pem = new PemWriter(text)) {
            for (CaCertificate certificate : certificates) {
                pem.writeObject(new PemObject("CERTIFICATE", certificate.toBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** @throws MalformedEncodingException unless every block is a CA certificate {@link CaCertificate} accepts */
    public static List<CaCertificate> read(byte[] pem) throws MalformedEncodingException {
        List<CaCertificate> certificates = new ArrayList<>();
        try {
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))) {
                certificates.add(CaCertificate.fromBytes(certificate.getEncoded()));
            }
        } catch (CertificateException e) {
            throw new MalformedEncodingException("not a PEM certificate chain", e);
        }
        return certificates;
    }
}
