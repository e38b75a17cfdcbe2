package dev.tacit.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.security.auth.x500.X500Principal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.registration.RegistrationLockedException;
import dev.tacit.client.registration.VerificationToken;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.KeyPurpose;
import dev.tacit.crypto.identity.SignedPreKey;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.token.IssuerKeyRing;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenVerifier;
import dev.tacit.crypto.wire.Base64Url;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.operator.bc.BcEdECContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account creation (docs/protocol.md §4.5) through the real endpoints, the client library and the SMS stub. */
@ExtendWith(ArquillianExtension.class)
class RegistrationIT {

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    /** The server's default verification-token validity. */
    private static final Duration TOKEN_VALIDITY = Duration.ofMinutes(15);

    @AfterEach
    void backToTheSystemClock() {
        ServerClock.reset();
    }

    @Test
    void registeringANumberYieldsACertifiedIdentityAndFiveSpendableTokens() throws Exception {
        String number = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);

        assertEquals(number, account.identity().phoneNumber().e164());
        assertEquals(5, account.tokens().size());
        TokenVerifier verifier = new TokenVerifier(IssuerKeyRing.of(
                TestAccounts.client().currentIssuerKey(ServerClock.instant())));
        for (Token token : account.tokens()) {
            verifier.verify(token, TestAccounts.challenge());
        }
        assertEquals(5, tokensIssued(number));
        assertArrayEquals(account.keys().identity().publicKey().toBytes(), identityKey(number));
    }

    @Test
    void reRegisteringANumberReplacesItsKeysButGrantsNoMoreTokens() throws Exception {
        String number = numbers.next();
        RegisteredAccount first = TestAccounts.register(number);

        RegisteredAccount again = TestAccounts.client().reRegister(first.keys().identity(),
                TestAccounts.setup(number), TestAccounts.pinnedCa(), ServerClock.clock(), TestAccounts.RANDOM);

        assertEquals(List.of(), again.tokens());
        assertEquals(5, tokensIssued(number));
        assertArrayEquals(again.keys().identity().publicKey().toBytes(), identityKey(number));
    }

    @Test
    void aVerificationTokenRegistersOnlyOnce() throws Exception {
        String number = numbers.next();
        VerificationToken token = TestAccounts.verify(number);
        TestAccounts.client().register(token, TestAccounts.setup(number), TestAccounts.pinnedCa(), ServerClock.instant());
        byte[] registeredKey = identityKey(number);

        ProblemResponseException replay = assertThrows(ProblemResponseException.class, () -> TestAccounts.client()
                .register(token, TestAccounts.setup(number), TestAccounts.pinnedCa(), ServerClock.instant()));

        assertEquals(409, replay.status());
        assertEquals("urn:tacit:problem:verification-already-used", replay.type());
        assertArrayEquals(registeredKey, identityKey(number), "the replay changed nothing");
    }

    @Test
    void aVerificationTokenRegistersUntilItsValidityEndsAndNotAfter() throws Exception {
        String number = numbers.next();
        VerificationToken early = TestAccounts.verify(number);
        VerificationToken late = TestAccounts.confirmAgain(number);
        AccountSetup setup = TestAccounts.setup(number);

        ServerClock.advance(TOKEN_VALIDITY.minusSeconds(30));
        TestAccounts.client().register(early, setup, TestAccounts.pinnedCa(), ServerClock.instant());
        ServerClock.advance(Duration.ofSeconds(30));
        ProblemResponseException expired = assertThrows(ProblemResponseException.class, () -> TestAccounts.client()
                .register(late, TestAccounts.setup(number), TestAccounts.pinnedCa(), ServerClock.instant()));

        assertEquals(400, expired.status());
        assertEquals("urn:tacit:problem:expired-verification-token", expired.type());
    }

    @Test
    void aMalformedCertificationRequestIsRejectedAndNothingStored() throws Exception {
        String number = numbers.next();
        JsonObject body = registrationBody(TestAccounts.verify(number), TestAccounts.setup(number))
                .add("certificationRequest", b64(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .build();

        assertInvalid(body, "certificationRequest");
        assertFalse(accountExists(number));
    }

    @Test
    void aCertificationRequestWhoseKeyIsNotTheSignerIsRejected() throws Exception {
        String number = numbers.next();
        AccountSetup setup = TestAccounts.setup(number);
        byte[] forged = requestSignedByAnotherKey(setup.identity(), number);
        JsonObject body = registrationBody(TestAccounts.verify(number), setup)
                .add("certificationRequest", b64(forged)).build();

        assertInvalid(body, "certificationRequest");
        assertFalse(accountExists(number));
    }

    @Test
    void aGroupKeyWithAPointOffTheCurveIsRejected() throws Exception {
        String number = numbers.next();
        AccountSetup setup = TestAccounts.setup(number);
        byte[] groupKey = setup.group().groupPublicKey().toBytes();
        groupKey[5] ^= 0x01; // inside the first compressed point's x coordinate
        JsonObject body = registrationBody(TestAccounts.verify(number), setup).add("groupPublicKey", b64(groupKey)).build();

        assertInvalid(body, "groupPublicKey");
        assertFalse(accountExists(number));
    }

    @Test
    void aPreKeySignedBySomeoneElseIsRejected() throws Exception {
        String number = numbers.next();
        AccountSetup setup = TestAccounts.setup(number);
        SignedPreKey foreign = SignedPreKey.sign(IdentityKeyPair.generate(new SecureRandom()), KeyPurpose.RATCHET_PRE_KEY, 1,
                AgreementKeyPair.generate(new SecureRandom()).publicKey());
        JsonObject body = registrationBody(TestAccounts.verify(number), setup).add("preKey", b64(foreign.toBytes())).build();

        assertInvalid(body, "preKey");
        assertFalse(accountExists(number));
    }

    @Test
    void aMemberInNonCanonicalBase64UrlIsRejected() throws Exception {
        String number = numbers.next();
        JsonObject valid = registrationBody(TestAccounts.verify(number), TestAccounts.setup(number)).build();
        List<String> requests = new ArrayList<>(valid.getJsonArray("tokenRequests").getValuesAs(
                jakarta.json.JsonString::getString));
        requests.set(0, withAnUnusedBitSet(requests.get(0)));
        JsonObject body = Json.createObjectBuilder(valid).add("tokenRequests", Json.createArrayBuilder(requests)).build();

        assertInvalid(body, "tokenRequests");
        assertFalse(accountExists(number));
    }

    @Test
    void anInvalidVerificationTokenIsRejectedAndNothingStored() throws Exception {
        String number = numbers.next();
        JsonObject body = registrationBody(new VerificationToken("not-a-token", ServerClock.instant()), TestAccounts.setup(number))
                .build();

        ProblemResponseException problem = assertThrows(ProblemResponseException.class,
                () -> TestAccounts.api().post("/v1/accounts", body));
        assertEquals(400, problem.status());
        assertEquals("urn:tacit:problem:invalid-verification-token", problem.type());
        assertFalse(accountExists(number));
    }

    /** One creates the account with its five tokens; the others find it created, and locked (§4.7). */
    @Test
    void fiftyConcurrentRegistrationsOfOneNumberYieldExactlyFiveTokens() throws Exception {
        String number = numbers.next();
        TestAccounts.verify(number);
        List<Callable<Integer>> registrations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            VerificationToken token = TestAccounts.confirmAgain(number);
            AccountSetup setup = TestAccounts.setup(number);
            registrations.add(() -> {
                try {
                    return TestAccounts.client().register(token, setup, TestAccounts.pinnedCa(), ServerClock.instant())
                            .tokens().size();
                } catch (RegistrationLockedException e) {
                    return 0;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        int tokens = 0;
        try {
            for (Future<Integer> issued : pool.invokeAll(registrations)) {
                tokens += issued.get();
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
        assertEquals(5, tokens);
        assertEquals(5, tokensIssued(number));
    }

    @Test
    void theIssuedCertificateValidatesWithTheJdksPkixValidatorAgainstThePublishedCa() throws Exception {
        String number = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate certificate = (X509Certificate) x509.generateCertificate(
                new ByteArrayInputStream(account.identity().certificate().toBytes()));
        Set<TrustAnchor> anchors = new HashSet<>();
        for (Certificate ca : x509.generateCertificates(new ByteArrayInputStream(
                TestAccounts.api().get("/v1/ca-certificates", "application/pem-certificate-chain").body()))) {
            anchors.add(new TrustAnchor((X509Certificate) ca, null));
        }
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(false); // Tacit publishes no revocation lists
        parameters.setDate(Date.from(ServerClock.instant()));

        PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                .validate(x509.generateCertPath(List.of(certificate)), parameters);

        assertArrayEquals(TestAccounts.pinnedCa().ca().toBytes(), result.getTrustAnchor().getTrustedCert().getEncoded(),
                "issued by the CA that certifies now");
        assertEquals("CN=\\" + number, certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
        assertFalse(certificate.getBasicConstraints() >= 0, "not a CA");
        assertTrue(certificate.getKeyUsage()[0], "digitalSignature");
    }

    /**
     * A second, independent implementation, where installed: OpenSSL's verifier. Where it is not (a machine
     * with only a JDK), the JDK's keytool reads the certificate instead, and the PKIX test above has checked it.
     */
    @Test
    void theIssuedCertificateIsReadByOpenSslOrKeytool(@TempDir Path directory) throws Exception {
        String number = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);
        Path ca = directory.resolve("ca.pem");
        Files.write(ca, TestAccounts.api().get("/v1/ca-certificates", "application/pem-certificate-chain").body());
        Path certificate = directory.resolve("identity.pem");
        Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(account.identity().certificate().toBytes())
                + "\n-----END CERTIFICATE-----\n");

        String keytool = run("keytool", "-printcert", "-file", certificate.toString());
        assertTrue(keytool.contains("Owner: CN=\"" + number + "\""), keytool); // keytool quotes the '+'
        assertTrue(keytool.contains("Issuer: CN=Tacit CA"), keytool);
        if (commandExists("openssl")) {
            String verified = run("openssl", "verify", "-x509_strict", "-CAfile", ca.toString(), certificate.toString());
            String subject = run("openssl", "x509", "-in", certificate.toString(), "-noout", "-subject", "-nameopt", "RFC2253");
            assertTrue(verified.strip().endsWith("OK"), verified);
            assertEquals("subject=CN=\\" + number, subject.strip()); // RFC 2253 escapes a leading '+'
        } else {
            System.out.println("[tacit] openssl is not installed: the identity certificate was checked by the JDK only");
        }
    }

    private static JsonObjectBuilder registrationBody(VerificationToken token, AccountSetup setup) {
        return RegistrationClient.registrationBody(setup).add("verificationToken", token.value());
    }

    private static void assertInvalid(JsonObject body, String field) {
        ProblemResponseException problem = assertThrows(ProblemResponseException.class,
                () -> TestAccounts.api().post("/v1/accounts", body));
        assertEquals(400, problem.status());
        assertEquals("urn:tacit:problem:invalid-account-request", problem.type());
        assertEquals(java.util.Optional.of(field), problem.field());
    }

    /** A PKCS#10 request carrying {@code claimed}'s public key but signed with another key: no proof of possession. */
    private static byte[] requestSignedByAnotherKey(IdentityKeyPair claimed, String number) throws Exception {
        SubjectPublicKeyInfo info = new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                claimed.publicKey().toBytes());
        Ed25519PrivateKeyParameters other = new Ed25519PrivateKeyParameters(new SecureRandom());
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, number).build();
        return new PKCS10CertificationRequestBuilder(subject, info)
                .build(new BcEdECContentSignerBuilder(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519)).build(other))
                .getEncoded();
    }

    /**
     * The same bytes written non-canonically: a 259-byte token request ends in a character that carries 2 bits
     * of data and 4 unused ones (RFC 4648 §3.5); setting one of those yields text a lenient decoder reads as
     * the same bytes.
     */
    private static String withAnUnusedBitSet(String encoded) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        assertEquals(2, encoded.length() % 4, "a length whose last character has unused bits");
        int last = alphabet.indexOf(encoded.charAt(encoded.length() - 1));
        return encoded.substring(0, encoded.length() - 1) + alphabet.charAt(last | 1);
    }

    private static String b64(byte[] bytes) {
        return Base64Url.encode(bytes);
    }

    private static int tokensIssued(String number) throws Exception {
        return TestDatabase.tokensIssued(number).orElseThrow(() -> new AssertionError("no account for " + number));
    }

    private static byte[] identityKey(String number) throws Exception {
        return TestDatabase.accountBytes(number, "identity_key")
                .orElseThrow(() -> new AssertionError("no account for " + number));
    }

    private static boolean accountExists(String number) throws Exception {
        return TestDatabase.tokensIssued(number).isPresent();
    }

    private static boolean commandExists(String command) {
        try {
            return new ProcessBuilder(command, "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }
}
