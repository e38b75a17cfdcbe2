package dev.tacit.arquillian;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A certificate authority of the test's own for bulk senders (README, "Bulk senders"): a root, an intermediate
 * under it, and leaf certificates made to order, built with Bouncy Castle in the test. Each CA publishes its CRL
 * on a loopback HTTP server this class runs, at the URL its certificates name as their CRL distribution point, as
 * a real CA does; a leaf is revoked by adding it to its CRL. {@link #trustAnchors} writes the root into the file
 * the suite points the server at ({@link ServerSettingsObserver}).
 */
public final class BulkSenderPki implements AutoCloseable {

    /** EV's policy, the server's default requirement. */
    public static final String EV_POLICY = "2.23.140.1.1";
    /** anyPolicy (RFC 5280 §4.2.1.4), which the intermediate carries. */
    public static final String ANY_POLICY = "2.5.29.32.0";

    /** The file the suite's server reads its bulk-sender trust anchors from. */
    public static final Path TRUST_ANCHORS = Path.of(System.getProperty("tacit.test.bulk-sender-anchors",
            "target/bulk-senders/trust-anchors.pem")).toAbsolutePath();

    /** How long {@code /slow/...} CRLs take to come: longer than the server waits. */
    public static final Duration SLOW = Duration.ofSeconds(12);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final HttpServer crlServer;
    private final String name;
    private final Authority root;
    private final Authority intermediate;
    private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, X509CRL> crls = new ConcurrentHashMap<>();
    private final AtomicLong crlRequests = new AtomicLong();

    /** A certificate and its private key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
    }

    private record Authority(X509Certificate certificate, KeyPair keys) {
    }

    private BulkSenderPki(String name) throws Exception {
        this.name = name;
        crlServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        crlServer.createContext("/", exchange -> {
            crlRequests.incrementAndGet();
            try (exchange) {
                X509CRL crl = crlFor(exchange.getRequestURI().getPath());
                if (crl == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = padded(crl.getEncoded(), exchange.getRequestURI().getPath());
                exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    if (exchange.getRequestURI().getPath().startsWith("/slow/")) {
                        out.write(body, 0, 1); // the headers and a first byte at once, the rest late
                        out.flush();
                        Thread.sleep(SLOW.toMillis());
                        out.write(body, 1, body.length - 1);
                    } else {
                        out.write(body);
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        crlServer.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        crlServer.start();
        Instant now = earliestNow();
        KeyPair rootKeys = ec();
        X500Name rootName = new X500Name("CN=" + name + " root,O=Tacit tests");
        root = new Authority(build(rootName, rootName, rootKeys, rootKeys.getPrivate(), null, now.minus(Duration.ofDays(3650)),
                now.plus(Duration.ofDays(7300)), true, null, null), rootKeys);
        KeyPair intermediateKeys = ec();
        intermediate = new Authority(build(rootName, new X500Name("CN=" + name + " EV intermediate,O=Tacit tests"),
                intermediateKeys, rootKeys.getPrivate(), rootKeys, now.minus(Duration.ofDays(3650)),
                now.plus(Duration.ofDays(7300)), true, ANY_POLICY, crlUrl("root.crl")), intermediateKeys);
    }

    /** A new CA named {@code name}, its CRLs served until {@link #close()}. */
    public static BulkSenderPki start(String name) throws Exception {
        return new BulkSenderPki(name);
    }

    /** Makes the server trust {@code pkis}' roots, and nothing else, from its next proof on. */
    public static void trustAnchors(BulkSenderPki... pkis) {
        StringWriter text = new StringWriter();
        try (PemWriter pem = new PemWriter(text)) {
            for (BulkSenderPki pki : pkis) {
                pem.writeObject(new PemObject("CERTIFICATE", pki.root.certificate().getEncoded()));
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        write(text.toString());
    }

    /** Writes {@code pem} as the server's trust-anchor file (an empty one turns the feature off). */
    public static void write(String pem) {
        try {
            Files.createDirectories(TRUST_ANCHORS.getParent());
            Path next = TRUST_ANCHORS.resolveSibling(TRUST_ANCHORS.getFileName() + ".new");
            Files.writeString(next, pem);
            Files.move(next, TRUST_ANCHORS, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root, the anchor. */
    public X509Certificate root() {
        return root.certificate();
    }

    /** The intermediate that issues the leaves. */
    public X509Certificate intermediate() {
        return intermediate.certificate();
    }

    /**
     * A leaf for a key of {@code kind} ({@code RSA}, {@code EC} P-256 or {@code Ed25519}) with the policy {@code policy},
     * valid from {@code notBefore} to {@code notAfter}, issued by the intermediate, with its CRL's distribution point.
     */
    public Issued leaf(String kind, String policy, Instant notBefore, Instant notAfter) throws Exception {
        return leaf(kind, policy, notBefore, notAfter, crlUrl("intermediate.crl"));
    }

    /** A leaf as above whose CRL distribution point is {@code crlUrl}. */
    public Issued leaf(String kind, String policy, Instant notBefore, Instant notAfter, String crlUrl) throws Exception {
        KeyPair keys = keyPair(kind);
        X509Certificate certificate = build(X500Name.getInstance(intermediate.certificate().getSubjectX500Principal().getEncoded()),
                new X500Name("CN=Bulk sender " + SERIALS.incrementAndGet() + ",O=Example Ltd,C=DE"), keys,
                intermediate.keys().getPrivate(), intermediate.keys(), notBefore, notAfter, false, policy, crlUrl);
        return new Issued(certificate, keys.getPrivate());
    }

    /** A valid EV leaf of {@code kind}, from a day back to a year on. */
    public Issued evLeaf(String kind) throws Exception {
        Instant now = earliestNow();
        return leaf(kind, EV_POLICY, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** The chain a bulk sender sends: {@code leaf}, then the intermediate. */
    public List<X509Certificate> chain(Issued leaf) {
        return List.of(leaf.certificate(), intermediate.certificate());
    }

    /** Lists {@code leaf} on the intermediate's CRL from now on. */
    public void revoke(Issued leaf) {
        revoked.add(leaf.certificate().getSerialNumber());
        crls.remove("/intermediate.crl");
    }

    /** How many requests this CA's CRL server has had. */
    public long crlRequests() {
        return crlRequests.get();
    }

    /**
     * A URL on this CA's CRL server: {@code root.crl} and {@code intermediate.crl}, either also under
     * {@code padded/<bytes>/} (padded with zeros to that length) and {@code slow/} (its headers at once, the CRL after {@link #SLOW}).
     */
    public String crlUrl(String file) {
        return "http://" + crlServer.getAddress().getHostString() + ":" + crlServer.getAddress().getPort() + "/" + file;
    }

    @Override
    public void close() {
        crlServer.stop(0);
    }

    @Override
    public String toString() {
        return "BulkSenderPki[" + name + "]";
    }

    /**
     * The CRL's bytes, as the path asks: {@code /padded/<bytes>/...} followed by zero bytes up to that length (a CRL
     * parser reads the CRL and leaves the rest), to try the server's bound on a CRL's size.
     */
    private static byte[] padded(byte[] crl, String path) {
        if (!path.startsWith("/padded/")) {
            return crl;
        }
        int length = Integer.parseInt(path.split("/")[2]);
        return java.util.Arrays.copyOf(crl, Math.max(length, crl.length));
    }

    private X509CRL crlFor(String path) throws GeneralSecurityException {
        if (path.startsWith("/padded/") || path.startsWith("/slow/")) {
            path = path.substring(path.lastIndexOf('/'));
        }
        if (path.equals("/root.crl")) {
            return crls.computeIfAbsent(path, p -> crl(root, Set.of()));
        }
        if (path.equals("/intermediate.crl")) {
            return crls.computeIfAbsent(path, p -> crl(intermediate, Set.copyOf(revoked)));
        }
        return null;
    }

    /** A CRL of {@code authority} listing {@code serials}, current for decades: the tests move the server's clock. */
    private static X509CRL crl(Authority authority, Set<BigInteger> serials) {
        try {
            Instant now = earliestNow();
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(authority.certificate(), Date.from(now.minus(Duration.ofDays(1))));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(3650))));
            for (BigInteger serial : serials) {
                builder.addCRLEntry(serial, Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(authority.certificate()));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(authority.keys().getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test CRL", e);
        }
    }

    private static X509Certificate build(X500Name issuer, X500Name subject, KeyPair subjectKeys, PrivateKey issuerKey,
                                         KeyPair issuerKeys, Instant notBefore, Instant notAfter, boolean ca,
                                         String policy, String crlUrl) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                subjectKeys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(true) : new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(
                (issuerKeys == null ? subjectKeys : issuerKeys).getPublic()));
        if (policy != null) {
            builder.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(policy))));
        }
        if (crlUrl != null) {
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    }

    /** A key pair of {@code kind}: {@code RSA} (2048 bits), {@code EC} (P-256) or {@code Ed25519}. */
    public static KeyPair keyPair(String kind) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(kind);
        if (kind.equals("RSA")) {
            generator.initialize(2048, RANDOM);
        } else if (kind.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        }
        return generator.generateKeyPair();
    }

    private static KeyPair ec() throws GeneralSecurityException {
        return keyPair("EC");
    }

    /** The earlier of this machine's time and the server's, so certificates are valid for both. */
    private static Instant earliestNow() {
        Instant server = ServerClock.instant();
        Instant local = Instant.now();
        return server.isBefore(local) ? server : local;
    }
}
