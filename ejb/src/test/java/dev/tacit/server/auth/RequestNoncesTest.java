package dev.tacit.server.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.tacit.server.storetests.EmbeddedCaches;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single use of request-signature nonces (docs/protocol.md §5.3), in a real Infinispan cache. */
class RequestNoncesTest {

    private static final Instant STARTED = Instant.parse("2026-11-25T10:00:00.700Z");
    private static final Instant NOW = Instant.parse("2026-11-25T10:03:00Z");

    private static EmbeddedCaches caches;
    private static int cacheNumber;

    private RequestNonces nonces;

    @BeforeAll
    static void startCaches() {
        caches = new EmbeddedCaches();
    }

    @AfterAll
    static void stopCaches() {
        caches.close();
    }

    @BeforeEach
    void noncesStartedAtTen() {
        nonces = new RequestNonces();
        nonces.seen = caches.cache("request-nonces-" + ++cacheNumber, 500_000);
        nonces.clock = Clock.fixed(STARTED, ZoneOffset.UTC);
        nonces.start(new Object());
        nonces.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void aNonceIsAcceptedOncePerKey() {
        Instant created = NOW.minusSeconds(10);

        assertTrue(nonces.firstUse("+14155550100", "n1", created, created.plusSeconds(300)));
        assertFalse(nonces.firstUse("+14155550100", "n1", created, created.plusSeconds(300)));
        assertTrue(nonces.firstUse("+14155550101", "n1", created, created.plusSeconds(300)), "another key's nonce");
    }

    @Test
    void aSignatureFromBeforeTheStartIsRefusedForTheMemoryMayHaveLostItsNonce() {
        assertFalse(nonces.firstUse("+14155550100", "n1", Instant.parse("2026-11-25T09:59:59Z"), NOW.plusSeconds(60)));
        assertTrue(nonces.firstUse("+14155550100", "n2", Instant.parse("2026-11-25T10:00:00Z"), NOW.plusSeconds(60)),
                "signatures carry whole seconds: the start counts from its second");
    }

    @Test
    void ofParallelUsesOfOneNonceExactlyOneIsAccepted() throws Exception {
        List<Callable<Boolean>> uses = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            uses.add(() -> nonces.firstUse("+14155550100", "n1", NOW, NOW.plusSeconds(300)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        long accepted = 0;
        try {
            for (Future<Boolean> use : threads.invokeAll(uses)) {
                accepted += use.get() ? 1 : 0;
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(1, accepted);
    }
}
