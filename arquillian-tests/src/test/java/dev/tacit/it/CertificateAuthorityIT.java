package dev.tacit.it;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.tacit.arquillian.TacitDeployment;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.crypto.identity.CaCertificate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CA: created at first start, its certificate stored and published in DER and PEM. */
@ExtendWith(ArquillianExtension.class)
class CertificateAuthorityIT {

    @Deployment(testable = false)
    static EnterpriseArchive tacit() {
        return TacitDeployment.ear();
    }

    @Test
    void publishesTheStoredCaCertificate() throws Exception {
        HttpResponse<byte[]> response = TacitHttp.getBytes(TacitHttp.API.resolve("ca-certificates/current"));

        assertEquals(200, response.statusCode());
        assertEquals("application/pkix-cert", response.headers().firstValue("Content-Type").orElse(""));
        CaCertificate ca = CaCertificate.fromBytes(response.body());
        assertTrue(storedCertificates().stream().anyMatch(stored -> java.util.Arrays.equals(stored, ca.toBytes())));
    }

    @Test
    void publishesEveryValidCaCertificateAsPem() throws Exception {
        HttpResponse<String> response = TacitHttp.get(TacitHttp.API.resolve("ca-certificates"));

        assertEquals(200, response.statusCode());
        assertEquals("application/pem-certificate-chain", response.headers().firstValue("Content-Type").orElse(""));
        List<byte[]> parsed = new ArrayList<>();
        for (var certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(response.body().getBytes()))) {
            X509Certificate x509 = (X509Certificate) certificate;
            x509.checkValidity();
            assertTrue(x509.getBasicConstraints() >= 0, "a CA certificate");
            parsed.add(x509.getEncoded());
        }
        List<byte[]> stored = storedCertificates();
        assertEquals(stored.size(), parsed.size());
        for (int i = 0; i < stored.size(); i++) {
            assertArrayEquals(stored.get(i), parsed.get(i));
        }
    }

    @Test
    void theCaCannotBeReplacedOverHttp() {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("ca-certificates"))
                .PUT(HttpRequest.BodyPublishers.ofString("-----BEGIN CERTIFICATE-----")));

        assertEquals(405, response.statusCode());
    }

    private static List<byte[]> storedCertificates() throws Exception {
        List<byte[]> certificates = new ArrayList<>();
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT public_part FROM tacit.rotating_key"
                     + " WHERE purpose = 'certificate-authority' ORDER BY signs_from")) {
            while (row.next()) {
                certificates.add(row.getBytes(1));
            }
        }
        return certificates;
    }
}
