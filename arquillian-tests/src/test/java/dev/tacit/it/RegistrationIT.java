package dev.tacit.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import dev.tacit.arquillian.TacitDeployment;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.client.JsonApi;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationLockedException;
import dev.tacit.client.registration.VerificationToken;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.KeyPurpose;
import dev.tacit.crypto.identity.SignedPreKey;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.token.IssuerKeyRing;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenVerifier;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.operator.bc.BcEdECContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Account creation (docs/protocol.md §4.5) through the real endpoints, the client library and the SMS stub. */
@ExtendWith(ArquillianExtension.class)
class RegistrationIT {

    @Deployment(testable = false)
    static EnterpriseArchive tacit() {
        return TacitDeployment.ear();
    }

    @Test
    void registeringANumberYieldsACertifiedIdentityAndFiveSpendableTokens() throws Exception {
        RegisteredAccount account = TestAccounts.register("+16175550150");

        assertEquals("+16175550150", account.identity().phoneNumber().e164());
        assertEquals(5, account.tokens().size());
        TokenVerifier verifier = new TokenVerifier(IssuerKeyRing.of(
                TestAccounts.client().currentIssuerKey(Instant.now())));
        for (Token token : account.tokens()) {
            verifier.verify(token, TestAccounts.CHALLENGE);
        }
        assertEquals(5, tokensIssued("+16175550150"));
        assertArrayEquals(account.keys().identity().publicKey().toBytes(), identityKey("+16175550150"));
    }

    @Test
    void reRegisteringANumberReplacesItsKeysButGrantsNoMoreTokens() throws Exception {
        RegisteredAccount first = TestAccounts.register("+16175550151");

        RegisteredAccount again = TestAccounts.client().reRegister(first.keys().identity(),
                TestAccounts.setup("+16175550151"), TestAccounts.pinnedCa(), Clock.systemUTC(), TestAccounts.RANDOM);

        assertEquals(List.of(), again.tokens());
        assertEquals(5, tokensIssued("+16175550151"));
        assertArrayEquals(again.keys().identity().publicKey().toBytes(), identityKey("+16175550151"));
    }

    @Test
    void aVerificationTokenRegistersOnlyOnce() throws Exception {
        VerificationToken token = TestAccounts.verify("+16175550152");
        TestAccounts.client().register(token, TestAccounts.setup("+16175550152"), TestAccounts.pinnedCa(), Instant.now());
        byte[] registeredKey = identityKey("+16175550152");

        ProblemResponseException replay = assertThrows(ProblemResponseException.class, () -> TestAccounts.client()
                .register(token, TestAccounts.setup("+16175550152"), TestAccounts.pinnedCa(), Instant.now()));

        assertEquals(409, replay.status());
        assertEquals("urn:tacit:problem:verification-already-used", replay.type());
        assertArrayEquals(registeredKey, identityKey("+16175550152"), "the replay changed nothing");
    }

    @Test
    void aMalformedCertificationRequestIsRejectedAndNothingStored() throws Exception {
        String number = "+16175550153";
        JsonObject body = registrationBody(TestAccounts.verify(number), TestAccounts.setup(number))
                .add("certificationRequest", b64(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .build();

        assertInvalid(body, "certificationRequest");
        assertFalse(accountExists(number));
    }

    @Test
    void aCertificationRequestWhoseKeyIsNotTheSignerIsRejected() throws Exception {
        String number = "+16175550154";
        AccountSetup setup = TestAccounts.setup(number);
        byte[] forged = requestSignedByAnotherKey(setup.identity(), number);
        JsonObject body = registrationBody(TestAccounts.verify(number), setup)
                .add("certificationRequest", b64(forged)).build();

        assertInvalid(body, "certificationRequest");
        assertFalse(accountExists(number));
    }

    @Test
    void aGroupKeyWithAPointOffTheCurveIsRejected() throws Exception {
        String number = "+16175550155";
        AccountSetup setup = TestAccounts.setup(number);
        byte[] groupKey = setup.group().groupPublicKey().toBytes();
        groupKey[5] ^= 0x01; // inside the first compressed point's x coordinate
        JsonObject body = registrationBody(TestAccounts.verify(number), setup).add("groupPublicKey", b64(groupKey)).build();

        assertInvalid(body, "groupPublicKey");
        assertFalse(accountExists(number));
    }

    @Test
    void aPreKeySignedBySomeoneElseIsRejected() throws Exception {
        String number = "+12135550156";
        AccountSetup setup = TestAccounts.setup(number);
        SignedPreKey foreign = SignedPreKey.sign(IdentityKeyPair.generate(new SecureRandom()), KeyPurpose.RATCHET_PRE_KEY, 1,
                AgreementKeyPair.generate(new SecureRandom()).publicKey());
        JsonObject body = registrationBody(TestAccounts.verify(number), setup).add("preKey", b64(foreign.toBytes())).build();

        assertInvalid(body, "preKey");
        assertFalse(accountExists(number));
    }

    @Test
    void anInvalidVerificationTokenIsRejectedAndNothingStored() throws Exception {
        String number = "+12135550157";
        JsonObject body = registrationBody(new VerificationToken("not-a-token", Instant.now()), TestAccounts.setup(number))
                .build();

        ProblemResponseException problem = assertThrows(ProblemResponseException.class,
                () -> TestAccounts.api().post("/v1/accounts", body));
        assertEquals(400, problem.status());
        assertFalse(accountExists(number));
    }

    /** One creates the account with its five tokens; the others find it created, and locked (§4.7). */
    @Test
    void fiftyConcurrentRegistrationsOfOneNumberYieldExactlyFiveTokens() throws Exception {
        String number = "+12135550158";
        TestAccounts.verify(number);
        List<Callable<Integer>> registrations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            VerificationToken token = TestAccounts.confirmAgain(number);
            AccountSetup setup = TestAccounts.setup(number);
            registrations.add(() -> {
                try {
                    return TestAccounts.client().register(token, setup, TestAccounts.pinnedCa(), Instant.now())
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
    void theIssuedCertificateVerifiesWithOpenSslAgainstThePublishedCa(@org.junit.jupiter.api.io.TempDir Path directory)
            throws Exception {
        assumeTrue(commandExists("openssl"), "openssl is not installed");
        RegisteredAccount account = TestAccounts.register("+12135550159");
        Path ca = directory.resolve("ca.pem");
        Files.write(ca, TestAccounts.api().get("/v1/ca-certificates", "application/pem-certificate-chain").body());
        Path certificate = directory.resolve("identity.pem");
        Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(account.identity().certificate().toBytes())
                + "\n-----END CERTIFICATE-----\n");

        String verified = run("openssl", "verify", "-x509_strict", "-CAfile", ca.toString(), certificate.toString());
        String subject = run("openssl", "x509", "-in", certificate.toString(), "-noout", "-subject", "-nameopt", "RFC2253");
        String keytool = run("keytool", "-printcert", "-file", certificate.toString());

        assertTrue(verified.strip().endsWith("OK"), verified);
        assertEquals("subject=CN=\\+12135550159", subject.strip()); // RFC 2253 escapes a leading '+'
        assertTrue(keytool.contains("Owner: CN=\"+12135550159\""), keytool); // keytool quotes the '+'
        assertTrue(keytool.contains("Issuer: CN=Tacit CA"), keytool);
    }

    private static JsonObjectBuilder registrationBody(VerificationToken token, AccountSetup setup) {
        return TestAccounts.registrationBody(setup).add("verificationToken", token.value());
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

    private static String b64(byte[] bytes) {
        return JsonApi.base64Url(bytes);
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
