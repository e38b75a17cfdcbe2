package dev.tacit.arquillian;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts each test one second into a discovery window (docs/protocol.md §2.1.3), by moving the server's clock
 * forward to the next window's start, so that the test has a whole window, its allowance and its key to itself;
 * puts the server back on the system clock after. Register it after {@code ArquillianExtension}.
 */
public class AtTheStartOfADiscoveryWindow implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ServerClock.advanceToNextWindow(TestDiscovery.server().discoveryWindow());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ServerClock.reset();
    }
}
