package dev.tacit.it;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tacit.arquillian.ServerLog;
import dev.tacit.arquillian.SmsProviderStub;
import dev.tacit.arquillian.TacitDeployment;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.account.AccountClient;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No phone number, verification code or verification token reaches the server log, at any level the server
 * logs at: checked over everything the server logged while this suite ran, which is why this class runs last
 * (junit-platform.properties orders classes by {@code @Order}). It adds a few failures of its own, the kind
 * whose exceptions could carry a number.
 */
@ExtendWith(ArquillianExtension.class)
@Order(Integer.MAX_VALUE)
class ServerLogHygieneIT {

    /** An E.164 number anywhere: {@code +}, then 8 to 15 digits. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}(?![0-9])");

    @Deployment(testable = false)
    static EnterpriseArchive tacit() {
        return TacitDeployment.ear();
    }

    @Test
    void theLogHoldsNoNumberCodeOrTokenTheSuiteUsed() throws Exception {
        causeFailuresAboutANumber();
        List<String> lines = ServerLog.linesOfThisSuite();
        Map<String, List<String>> codesByNumber = SmsProviderStub.codesByNumber();
        assertTrue(codesByNumber.size() > 5 && !TestAccounts.verificationTokens().isEmpty(),
                "the suite sent codes and got tokens to look for: " + codesByNumber.size());

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
            for (String token : TestAccounts.verificationTokens()) {
                if (line.contains(token) || line.contains(token.substring(0, token.indexOf('.')))) {
                    leaks.add("a verification token: " + line);
                }
            }
        }

        assertTrue(lines.size() > 100, "the log of this suite was read: " + lines.size() + " lines");
        assertEquals(List.of(), leaks);
    }

    /** Failures around a number: a wrong code, a forged signature, a signer that is not registered. */
    private static void causeFailuresAboutANumber() throws Exception {
        RegisteredAccount account = TestAccounts.register("+15105550190");
        HttpResponse<String> wrongCode = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve("verification/confirm"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"+15105550190\",\"code\":\"000000\"}")));
        assertTrue(wrongCode.statusCode() == 400 || wrongCode.statusCode() == 429, wrongCode.body());
        SecureRandom random = new SecureRandom();
        AccountClient forger = new AccountClient(TestAccounts.api(), account.identity().phoneNumber(),
                IdentityKeyPair.generate(random), Clock.systemUTC(), random);
        AccountClient unregistered = new AccountClient(TestAccounts.api(), PhoneNumber.of("+15105550191"),
                account.keys().identity(), Clock.systemUTC(), random);
        assertThrows(ProblemResponseException.class, forger::describe);
        assertThrows(ProblemResponseException.class, unregistered::describe);
    }
}
