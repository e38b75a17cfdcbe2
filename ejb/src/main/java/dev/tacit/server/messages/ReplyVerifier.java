package dev.tacit.server.messages;

import jakarta.enterprise.context.ApplicationScoped;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignatureVerifier;
import dev.tacit.crypto.group.GroupSignedMessage;

/**
 * Verifies a reply's group signature under the recipient's group public key (docs/protocol.md §2.2.6), and, for a
 * recipient without an account, under a decoy key whose result is discarded, so that a reply to an unregistered
 * number costs what one to a registered number costs.
 */
@ApplicationScoped
public class ReplyVerifier {

    private static final class Decoy {
        static final GroupPublicKey KEY = GroupManagerKey.generate(1).groupPublicKey();
    }

    /** @throws InvalidReplySignatureException if the signature is not by a member of that group on that message */
    public void verify(byte[] groupPublicKey, GroupSignature signature, GroupSignedMessage message) {
        GroupPublicKey key;
        try {
            key = GroupPublicKey.fromBytes(groupPublicKey);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored group public key does not decode", e);
        }
        if (!valid(key, signature, message)) {
            throw new InvalidReplySignatureException("the group signature does not verify under the recipient's group key");
        }
    }

    /** Does the work of a verification for a recipient without an account, then refuses. */
    public void refuseUnknownRecipient(GroupSignature signature, GroupSignedMessage message) {
        valid(Decoy.KEY, signature, message);
        throw new InvalidReplySignatureException("the group signature does not verify under the recipient's group key");
    }

    private static boolean valid(GroupPublicKey key, GroupSignature signature, GroupSignedMessage message) {
        try {
            new GroupSignatureVerifier(key).verify(signature, message);
            return true;
        } catch (VerificationFailedException e) {
            return false;
        }
    }
}
