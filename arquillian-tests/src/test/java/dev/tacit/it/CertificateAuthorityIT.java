package dev.tacit.it;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.crypto.identity.CaCertificate;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CA: created at first start, its certificate stored and published in DER and PEM. */
@ExtendWith(ArquillianExtension.class)
class CertificateAuthorityIT {

    @Test
    void publishesTheStoredCaCertificate() throws Exception {
        HttpResponse<byte[]> response = TacitHttp.getBytes(TacitHttp.API.resolve("ca-certificates/current"));

        assertEquals(200, response.statusCode());
        assertEquals("application/pkix-cert", response.headers().firstValue("Content-Type").orElse(""));
        CaCertificate ca = CaCertificate.fromBytes(response.body());
        assertTrue(storedCertificates().stream().anyMatch(stored -> java.util.Arrays.equals(stored.certificate(), ca.toBytes())));
    }

    @Test
    void publishesEveryValidCaCertificateAsPem() throws Exception {
        HttpResponse<String> response = TacitHttp.get(TacitHttp.API.resolve("ca-certificates"));

        assertEquals(200, response.statusCode());
        assertEquals("application/pem-certificate-chain", response.headers().firstValue("Content-Type").orElse(""));
        List<X509Certificate> parsed = new ArrayList<>();
        for (var certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(response.body().getBytes()))) {
            parsed.add((X509Certificate) certificate);
        }
        List<StoredCa> stored = storedCertificates();
        assertEquals(stored.size(), parsed.size());
        for (int i = 0; i < stored.size(); i++) {
            X509Certificate x509 = parsed.get(i);
            assertArrayEquals(stored.get(i).certificate(), x509.getEncoded());
            assertTrue(x509.getBasicConstraints() >= 0, "a CA certificate");
            x509.checkValidity(Date.from(stored.get(i).signsFrom())); // a successor is published before it signs
        }
    }

    @Test
    void theCaCannotBeReplacedOverHttp() {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("ca-certificates"))
                .PUT(HttpRequest.BodyPublishers.ofString("-----BEGIN CERTIFICATE-----")));

        assertEquals(405, response.statusCode());
    }

    private record StoredCa(byte[] certificate, Instant signsFrom) {
    }

    private static List<StoredCa> storedCertificates() throws Exception {
        List<StoredCa> certificates = new ArrayList<>();
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT public_part, signs_from FROM tacit.rotating_key"
                     + " WHERE purpose = 'certificate-authority' ORDER BY signs_from")) {
            while (row.next()) {
                certificates.add(new StoredCa(row.getBytes(1), row.getTimestamp(2).toInstant()));
            }
        }
        return certificates;
    }
}
