package dev.tacit.it;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tacit.arquillian.IssuedSecrets;
import dev.tacit.arquillian.RawHttp;
import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.ServerLog;
import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.account.AccountClient;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.tacit.arquillian.VerificationRequests.assertProblem;
import static dev.tacit.arquillian.VerificationRequests.codeSentTo;
import static dev.tacit.arquillian.VerificationRequests.confirm;
import static dev.tacit.arquillian.VerificationRequests.otherThan;
import static dev.tacit.arquillian.VerificationRequests.requestCode;
import static dev.tacit.arquillian.VerificationRequests.sendProof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No phone number, verification code, send proof, verification token or client address reaches the server log,
 * at any level the server logs at: checked over everything the server logged while this suite ran, in the suite's one
 * deployment, which is why this class runs last (junit-platform.properties orders classes by {@code @Order}).
 * It adds a few failures of its own, the kind whose exceptions could carry a number.
 */
@ExtendWith(ArquillianExtension.class)
@Order(Integer.MAX_VALUE)
class ServerLogHygieneIT {

    /** An E.164 number anywhere: {@code +}, then 8 to 15 digits. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}(?![0-9])");

    /**
     * A loopback address no other test connects from (Linux routes all of 127/8 to the loopback interface), so
     * if it appears in the log, a refused request of this test put it there. The suite's own address, 127.0.0.1,
     * cannot be looked for: it is also the address the server listens on and announces at boot.
     */
    private static final String CLIENT_ADDRESS = "127.0.0.2";

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @Test
    void theLogHoldsNoNumberCodeSendProofOrTokenTheSuiteUsed() throws Exception {
        causeFailuresAboutANumber();
        refuseRequestsFrom(CLIENT_ADDRESS);
        List<String> lines = ServerLog.linesOfThisSuite();
        Map<String, List<String>> codesByNumber = SmsProviderStub.codesByNumber();
        List<String> secrets = IssuedSecrets.all();
        assertTrue(codesByNumber.size() > 5 && secrets.size() > 5,
                "the suite sent codes and got send proofs and tokens to look for: " + codesByNumber.size() + ", "
                        + secrets.size());

        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            Matcher number = E164.matcher(line);
            if (number.find()) {
                leaks.add("a number: " + line);
            }
            codesByNumber.forEach((e164, codes) -> {
                if (line.contains(e164.substring(1))) {
                    leaks.add("the number " + e164 + ": " + line);
                }
                for (String code : codes) {
                    if (Pattern.compile("(?<![0-9])" + code + "(?![0-9])").matcher(line).find()) {
                        leaks.add("a code sent to " + e164 + ": " + line);
                    }
                }
            });
            if (line.contains(CLIENT_ADDRESS)) {
                leaks.add("a client's address: " + line);
            }
            for (String secret : secrets) {
                // The whole of a proof or token, or its payload, which carries the number base64url-encoded.
                if (line.contains(secret) || line.contains(secret.substring(0, secret.indexOf('.')))) {
                    leaks.add("a send proof or verification token: " + line);
                }
            }
        }

        assertTrue(lines.size() > 100, "the log of this suite was read: " + lines.size() + " lines");
        assertEquals(List.of(), leaks);
    }

    /**
     * Requests the server refuses, each the kind a server might log with its peer's address: an unknown path,
     * malformed JSON, a forged signature, a body over the limit, an unknown method.
     */
    private static void refuseRequestsFrom(String clientAddress) throws IOException {
        String host = RawHttp.host();
        String garbage = "{\"phoneNumber\": ";
        String[] requests = {
            "GET /v1/no-such-resource HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n",
            "POST /v1/verification/code HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + garbage.length() + "\r\nConnection: close\r\n\r\n" + garbage,
            "GET /v1/account HTTP/1.1\r\nHost: " + host + "\r\nSignature-Input: sig=(\"@method\");keyid=\"x\"\r\n"
                    + "Signature: sig=:AAAA:\r\nConnection: close\r\n\r\n",
            "POST /v1/accounts HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10485760\r\nConnection: close\r\n\r\n",
            "BREW /v1/server HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n",
        };
        List<Integer> statuses = new ArrayList<>();
        for (String request : requests) {
            statuses.add(RawHttp.exchange(InetAddress.getByName(clientAddress), request).status());
        }
        // Every request was answered as refused, so the server saw and handled each one.
        assertEquals(List.of(404, 400, 401, 413, 405), statuses);
    }

    /**
     * Failures around a number: a wrong code, another number's send proof, a forged signature, a signer that
     * is not registered, an unsigned registration of a locked account.
     */
    private void causeFailuresAboutANumber() throws Exception {
        String number = numbers.next();
        RegisteredAccount account = TestAccounts.register(number);
        String other = numbers.next();
        String proof = sendProof(requestCode(other));
        assertProblem(confirm(other, otherThan(codeSentTo(other)), proof), 400, "urn:tacit:problem:wrong-verification-code");
        assertProblem(confirm(number, codeSentTo(other), proof), 400, "urn:tacit:problem:invalid-send-proof");
        SecureRandom random = new SecureRandom();
        AccountClient forger = new AccountClient(TestAccounts.api(), account.identity().phoneNumber(),
                IdentityKeyPair.generate(random), ServerClock.clock(), random);
        AccountClient unregistered = new AccountClient(TestAccounts.api(), PhoneNumber.of(numbers.next()),
                account.keys().identity(), ServerClock.clock(), random);
        assertThrows(ProblemResponseException.class, forger::describe);
        assertThrows(ProblemResponseException.class, unregistered::describe);
        ProblemResponseException locked = assertThrows(ProblemResponseException.class, () -> TestAccounts.register(number));
        assertEquals(423, locked.status());
    }
}
