package dev.tacit.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.tacit.arquillian.AtTheStartOfADiscoveryWindow;
import dev.tacit.arquillian.ServerSettingsObserver;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestDiscovery;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.discovery.DiscoveryApi;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.http.signature.RequestSigner;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The discovery allowance under concurrency (docs/protocol.md §4.10): fifty allowance requests of one account at
 * once obtain, together, no more than the allowance, and the count PostgreSQL keeps says the same.
 */
@ExtendWith({ArquillianExtension.class, AtTheStartOfADiscoveryWindow.class})
class DiscoveryAllowanceIT {

    private static final int REQUESTS = 50;
    private static final int TOKENS_PER_REQUEST = 7;

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @Test
    void fiftyConcurrentAllowanceRequestsOfOneAccountNeverObtainMoreThanTheAllowance() throws Exception {
        RegisteredAccount account = TestAccounts.register(numbers.next());
        int allowance = TestDiscovery.server().discoveryTokensPerWindow();
        DiscoveryWindow window = TestDiscovery.currentWindow();
        DiscoveryApi api = TestDiscovery.api();
        IssuerPublicKey key = api.keyFor(window);
        TokenChallenge challenge = window.challenge(TestDiscovery.server().issuerName());
        RequestSigner signer = TestDiscovery.signer(account);
        Map<String, Integer> countersBefore = counters(window);
        assertTrue(REQUESTS < ServerSettingsObserver.SIGNED_REQUESTS_PER_ACCOUNT,
                "every request reaches the allowance: the limit on signed requests refuses none");

        ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> granted = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                Callable<Integer> request = () -> {
                    var pending = TestDiscovery.pending(key, challenge, TOKENS_PER_REQUEST);
                    start.await();
                    try {
                        return api.obtain(pending, signer).tokens().size();
                    } catch (ProblemResponseException e) {
                        assertEquals(429, e.status(), e.getMessage());
                        return 0;
                    }
                };
                granted.add(threads.submit(request));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> tokens : granted) {
                total += tokens.get();
            }

            assertEquals(allowance, total, "together they obtained the whole allowance and not one token more");
        } finally {
            threads.shutdownNow();
        }
        Map<String, Integer> countersAfter = counters(window);
        countersAfter.keySet().removeAll(countersBefore.keySet());
        assertEquals(List.of(allowance), List.copyOf(countersAfter.values()),
                "one new counter for the window, the account's, at the allowance");
        assertTrue(REQUESTS * TOKENS_PER_REQUEST > allowance, "more was asked for than the allowance");
    }

    /** The abuse counters of {@code window}: subject (a keyed hash) to uses. */
    private static Map<String, Integer> counters(DiscoveryWindow window) throws Exception {
        Map<String, Integer> counters = new HashMap<>();
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT subject, used FROM tacit.abuse_counter WHERE window_start = ? AND expires_at = ?")) {
            query.setTimestamp(1, Timestamp.from(window.start()));
            query.setTimestamp(2, Timestamp.from(window.end()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counters.put(HexFormat.of().formatHex(rows.getBytes(1)), rows.getInt(2));
                }
            }
        }
        return counters;
    }
}
