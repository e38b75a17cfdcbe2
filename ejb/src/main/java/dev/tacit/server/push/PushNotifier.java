package dev.tacit.server.push;

import java.net.URI;

/**
 * Wakes a client through its push service. A wake-up carries no content at all: no message, no sender, no count;
 * the client, once awake, lists its mailbox over the signed channel (docs/protocol.md §4.23).
 */
public interface PushNotifier {

    /** What became of one wake-up. */
    enum Delivery {
        /** The push service accepted it. */
        ACCEPTED,
        /** The push service says the subscription is gone (404 or 410, RFC 8030 §7.3): delete it. */
        GONE,
        /** Refused for another reason, or no answer in time; the subscription stays. */
        FAILED
    }

    /** Sends one wake-up to {@code endpoint}, waiting at most the configured timeout; never throws. */
    Delivery wakeUp(URI endpoint);
}
