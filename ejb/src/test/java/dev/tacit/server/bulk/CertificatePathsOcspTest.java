package dev.tacit.server.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tacit.server.bulk.BulkSenderRefusedException.Reason;
import dev.tacit.server.settings.TacitSettings.BulkSenders.Revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revocation by OCSP (docs/protocol.md §4.27, {@code tacit.bulk-senders.revocation=ocsp}): a root, an intermediate
 * and a leaf with the EV policy, built here, whose intermediate and leaf name in their authority information access
 * an OCSP responder this test runs on loopback (RFC 6960, answers signed by the certificate's issuer). The
 * validator asks it for every certificate of the path; the responder counts the requests, so a check that is
 * silently skipped fails the test.
 */
class CertificatePathsOcspTest {

    private static final String EV_POLICY = "2.23.140.1.1";
    private static final String ANY_POLICY = "2.5.29.32.0";
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    /** What the leaf's responder (the intermediate's) answers; the root's always answers good, as the CA. */
    private enum Answer { GOOD, LEAF_REVOKED, TRY_LATER, GARBAGE, FORGED, FORGED_DELEGATE }

    private record Authority(X509Certificate certificate, KeyPair keys) {
    }

    private final Instant now = Instant.parse("2026-06-01T12:00:00Z");
    private HttpServer responder;
    private volatile Answer answer = Answer.GOOD;
    private final AtomicInteger rootRequests = new AtomicInteger();
    private final AtomicInteger intermediateRequests = new AtomicInteger();
    private Authority root;
    private Authority intermediate;
    private X509Certificate leaf;
    private KeyPair forger;

    @BeforeEach
    void startResponderAndCa() throws Exception {
        responder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        responder.setExecutor(Executors.newCachedThreadPool());
        responder.start();
        KeyPair rootKeys = ec();
        X500Name rootName = new X500Name("CN=OCSP test root,O=Tacit tests");
        root = new Authority(certificate(rootName, rootName, rootKeys, rootKeys, true, null, null), rootKeys);
        KeyPair intermediateKeys = ec();
        intermediate = new Authority(certificate(rootName, new X500Name("CN=OCSP test intermediate,O=Tacit tests"),
                intermediateKeys, rootKeys, true, ANY_POLICY, ocspUrl("root")), intermediateKeys);
        leaf = certificate(new X500Name("CN=OCSP test intermediate,O=Tacit tests"),
                new X500Name("CN=Bulk sender,O=Example Ltd,C=DE"), ec(), intermediateKeys, false, EV_POLICY,
                ocspUrl("intermediate"));
        forger = ec();
        responder.createContext("/root", exchange -> answer(exchange, root, rootRequests));
        responder.createContext("/intermediate", exchange -> answer(exchange, intermediate, intermediateRequests));
    }

    @AfterEach
    void stopResponder() {
        responder.stop(0);
    }

    @Test
    void aChainWhoseEveryCertificateIsGoodIsValid() {
        validate(leaf, intermediate.certificate());

        assertEquals(1, intermediateRequests.get(), "the leaf's status was asked of the intermediate's responder");
        assertEquals(1, rootRequests.get(), "the intermediate's status was asked of the root's responder");
    }

    @Test
    void aRevokedLeafIsRefusedAsRevoked() {
        answer = Answer.LEAF_REVOKED;

        assertLeafRefused(Reason.CERTIFICATE_REVOKED);
    }

    @Test
    void aResponderThatIsDownLeavesTheStatusUnknown() throws Exception {
        String down;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = "http://127.0.0.1:" + closed.getLocalPort() + "/intermediate";
        }
        X509Certificate unreachable = certificate(new X500Name("CN=OCSP test intermediate,O=Tacit tests"),
                new X500Name("CN=Bulk sender,O=Example Ltd,C=DE"), ec(), intermediate.keys(), false, EV_POLICY, down);

        BulkSenderRefusedException refused = assertThrows(BulkSenderRefusedException.class,
                () -> validate(unreachable, intermediate.certificate()));

        assertEquals(Reason.REVOCATION_UNKNOWN, refused.reason(), refused.getMessage());
        assertTrue(refused.getMessage().contains("certificateChain[0]"), refused.getMessage());
        assertEquals(1, rootRequests.get(), "the intermediate's status was asked first, and was good");
    }

    @Test
    void aTryLaterAnswerLeavesTheStatusUnknown() {
        answer = Answer.TRY_LATER;

        assertLeafRefused(Reason.REVOCATION_UNKNOWN);
    }

    @Test
    void aGarbageAnswerLeavesTheStatusUnknown() {
        answer = Answer.GARBAGE;

        assertLeafRefused(Reason.REVOCATION_UNKNOWN);
    }

    @Test
    void aGoodAnswerInTheCasNameSignedByAnotherKeyIsNotTaken() {
        answer = Answer.FORGED;

        assertLeafRefused(Reason.REVOCATION_UNKNOWN);
    }

    @Test
    void aGoodAnswerByAResponderTheCaDidNotDelegateToIsNotTaken() {
        answer = Answer.FORGED_DELEGATE;

        assertLeafRefused(Reason.REVOCATION_UNKNOWN);
    }

    /** The chain is refused for the leaf, after both responders were asked once (the intermediate's status first). */
    private void assertLeafRefused(Reason expected) {
        BulkSenderRefusedException refused = assertThrows(BulkSenderRefusedException.class,
                () -> validate(leaf, intermediate.certificate()));
        assertEquals(expected, refused.reason(), refused.getMessage());
        assertTrue(refused.getMessage().contains("certificateChain[0]"), refused.getMessage());
        assertEquals(1, rootRequests.get(), "the intermediate's status was asked of the root's responder");
        assertEquals(1, intermediateRequests.get(), "the leaf's status was asked of the intermediate's responder");
    }

    private void validate(X509Certificate certificate, X509Certificate issuer) {
        CertificatePaths.validate(List.of(certificate, issuer), Set.of(new TrustAnchor(root.certificate(), null)),
                EV_POLICY, Revocation.OCSP, now, c -> {
                    throw new AssertionError("OCSP mode fetched a CRL");
                });
    }

    /**
     * Answers an OCSP request (RFC 6960 §A.1: POST with the DER body, or GET with it base64 in the path) for the
     * certificates {@code issuer} issued, as {@link #answer} says.
     */
    private void answer(HttpExchange exchange, Authority issuer, AtomicInteger requests) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] body;
            if (exchange.getRequestMethod().equals("POST")) {
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
            } else {
                String path = exchange.getRequestURI().getRawPath();
                body = Base64.getDecoder().decode(URLDecoder.decode(path.substring(path.indexOf('/', 1) + 1),
                        StandardCharsets.US_ASCII));
            }
            byte[] response = respond(new OCSPReq(body), issuer, issuer == root ? Answer.GOOD : answer);
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private byte[] respond(OCSPReq request, Authority issuer, Answer answer) throws Exception {
        if (answer == Answer.TRY_LATER) {
            return new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded();
        }
        if (answer == Answer.GARBAGE) {
            return "not an OCSP response".getBytes(StandardCharsets.US_ASCII);
        }
        X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer.certificate());
        PrivateKey signingKey = issuer.keys().getPrivate();
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuerHolder.getSubject()));
        X509CertificateHolder[] included = null;
        if (answer == Answer.FORGED) { // the CA named as the responder, but another key signs
            signingKey = forger.getPrivate();
        } else if (answer == Answer.FORGED_DELEGATE) { // a delegated responder's certificate the CA did not sign
            signingKey = forger.getPrivate();
            X509Certificate delegate = responderCertificate(issuerHolder.getSubject(), forger);
            included = new X509CertificateHolder[] {new JcaX509CertificateHolder(delegate)};
            builder = new BasicOCSPRespBuilder(new RespID(included[0].getSubject()));
        }
        // The JDK (17) checks an answer's thisUpdate/nextUpdate against this machine's clock, not the validation
        // date: the answer is current at both.
        Instant clock = Instant.now();
        Date thisUpdate = Date.from((clock.isBefore(now) ? clock : now).minus(Duration.ofHours(1)));
        Date nextUpdate = Date.from((clock.isAfter(now) ? clock : now).plus(Duration.ofDays(1)));
        for (Req one : request.getRequestList()) {
            CertificateStatus status = CertificateStatus.GOOD;
            if (answer == Answer.LEAF_REVOKED && one.getCertID().getSerialNumber().equals(leaf.getSerialNumber())) {
                status = new RevokedStatus(Date.from(now.minus(Duration.ofDays(1))), CRLReason.keyCompromise);
            }
            builder.addResponse(one.getCertID(), status, thisUpdate, nextUpdate, null);
        }
        BasicOCSPResp basic = builder.build(signer(signingKey), included, Date.from(now));
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    /** An OCSP signing certificate (RFC 6960 §4.2.2.2) claiming {@code issuer}, signed by the forger's own key. */
    private X509Certificate responderCertificate(X500Name issuer, KeyPair keys) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofDays(30))),
                Date.from(now.plus(Duration.ofDays(365))), new X500Name("CN=OCSP responder,O=Tacit tests"),
                keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(keys.getPrivate())));
    }

    private String ocspUrl(String responderPath) {
        return "http://127.0.0.1:" + responder.getAddress().getPort() + "/" + responderPath;
    }

    private X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys,
                                        boolean ca, String policy, String ocspUrl) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofDays(30))),
                Date.from(now.plus(Duration.ofDays(365))), subject, subjectKeys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        if (policy != null) {
            builder.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(policy))));
        }
        if (ocspUrl != null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKeys.getPrivate())));
    }

    private static ContentSigner signer(PrivateKey key) throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
