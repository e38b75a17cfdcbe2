package dev.tacit.server.groups;

import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;

/**
 * A group no one holds a credential of: verifying under it costs what verifying under a rarely used real group
 * costs (no tables), so that a request naming a number without an account, or a key an account does not have,
 * takes the time of one that names a real key (docs/protocol.md §4.12 step 5, §4.30).
 */
public final class DecoyGroup {

    private static final class Holder {
        static final GroupSignatureVerifier VERIFIER = GroupSignatureVerifier.withoutTables(
                GroupManagerKey.generate(1).groupPublicKey());
    }

    private DecoyGroup() {
    }

    /** Does the work of a verification and discards the result, which is a refusal. */
    public static void verify(GroupSignature signature, GroupSignedMessage message) {
        try {
            Holder.VERIFIER.verify(signature, message);
        } catch (VerificationFailedException e) {
            // expected: the decoy group has no members anyone holds
        }
    }
}
