package dev.tacit.server.bulk;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fetching CRLs from distribution points (docs/protocol.md §4.27): a CRL of up to 10 MiB is read, one byte more is
 * not, nor one that is not whole within the timeout, nor a point that is not http(s).
 */
class HttpCrlSourceTest {

    private static final int MAX = HttpCrlSource.MAX_BYTES;

    private HttpServer server;
    private byte[] crl;

    @BeforeEach
    void serve() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ca = ec.generateKeyPair();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name("CN=Test CA"), new Date());
        crl = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())).getEncoded();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            byte[] body = Arrays.copyOf(crl, Integer.parseInt(path[2]));
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, body.length);
                out.write(body, 0, 1);
                out.flush();
                if (path[1].equals("slow")) {
                    Thread.sleep(HttpCrlSource.TIMEOUT.plusSeconds(2).toMillis());
                }
                out.write(body, 1, body.length - 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aCrlUpToTheBoundIsReadAndOneByteMoreIsNot() throws Exception {
        assertEquals(1, new HttpCrlSource().fetch(certificate(url("fast", crl.length))).size());
        assertEquals(1, new HttpCrlSource().fetch(certificate(url("fast", MAX))).size(), "padded to the bound");
        assertEquals(0, new HttpCrlSource().fetch(certificate(url("fast", MAX + 1))).size());
    }

    @Test
    void aCrlNotWholeWithinTheTimeoutIsNotWaitedFor() throws Exception {
        Instant start = Instant.now();
        assertEquals(0, new HttpCrlSource().fetch(certificate(url("slow", crl.length))).size());
        assertEquals(true, Duration.between(start, Instant.now()).compareTo(HttpCrlSource.TIMEOUT.plusSeconds(2)) < 0,
                "gave up at the timeout");
    }

    @Test
    void onlyHttpPointsAreFetched() throws Exception {
        assertEquals(0, HttpCrlSource.distributionPoints(certificate("ldap://localhost/cn=crl")).size());
        assertEquals(0, HttpCrlSource.distributionPoints(certificate(null)).size());
    }

    private String url(String speed, int length) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/" + speed + "/"
                + length;
    }

    private static X509Certificate certificate(String point) throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = ec.generateKeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Test CA"), BigInteger.ONE,
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), new X500Name("CN=Leaf"),
                keys.getPublic());
        if (point != null) {
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, point))), null, null)}));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
