package dev.tacit.client.discovery;

import java.util.Objects;

import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.VerifiedKeyBundle;

/**
 * What a look-up found for one number (docs/protocol.md §4.11): {@link NotRegistered}, or {@link Registered} with
 * the keys a first contact needs, the bundle already verified against the pinned CA.
 */
public sealed interface ContactLookup permits ContactLookup.Registered, ContactLookup.NotRegistered {

    /** The number looked up. */
    PhoneNumber number();

    /**
     * A registered number's keys: its key bundle, whose certificate chains to the pinned CA and names this
     * number, and whose envelope key and pre-key its identity key signed; and its group public key (§2.2),
     * which decodes and passes §2.2's checks but is vouched for by the server only.
     */
    record Registered(PhoneNumber number, VerifiedKeyBundle keyBundle, GroupPublicKey groupPublicKey)
            implements ContactLookup {
        public Registered {
            Objects.requireNonNull(number);
            Objects.requireNonNull(keyBundle);
            Objects.requireNonNull(groupPublicKey);
        }
    }

    /** A number with no Tacit account. */
    record NotRegistered(PhoneNumber number) implements ContactLookup {
        public NotRegistered {
            Objects.requireNonNull(number);
        }
    }
}
