package dev.tacit.server.messages;

import java.time.Clock;
import java.util.concurrent.Executor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.group.GroupSignature;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.server.groups.DecoyGroup;
import dev.tacit.server.groups.GroupVerifiers;
import dev.tacit.server.settings.TacitSettings;

/**
 * Verifies a reply's group signature under the recipient's group public key (docs/protocol.md §2.2.6) through the
 * application's one {@link GroupVerifiers}: about three pairings for a group not seen often, tables built (on the
 * container's managed executor) only for groups that keep receiving. For a recipient without an account it verifies
 * under a decoy key, without tables, as for a group not seen before, and discards the result, so that a reply to an
 * unregistered number costs what one to a rarely written registered number costs.
 */
@ApplicationScoped
public class ReplyVerifier {

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    /** The container's default managed executor (Jakarta Concurrency), typed as what GroupVerifiers needs. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor tableBuilder;

    private GroupVerifiers verifiers;

    @PostConstruct
    void create() {
        verifiers = new GroupVerifiers(settings.groupVerifiers(), clock, tableBuilder);
    }

    /** @throws InvalidReplySignatureException if the signature is not by a member of that group on that message */
    public void verify(byte[] groupPublicKey, GroupSignature signature, GroupSignedMessage message) {
        try {
            verifiers.verify(groupPublicKey, signature, message);
        } catch (VerificationFailedException e) {
            throw refused();
        }
    }

    /** Does the work of a verification for a recipient without an account, then refuses. */
    public void refuseUnknownRecipient(GroupSignature signature, GroupSignedMessage message) {
        DecoyGroup.verify(signature, message);
        throw refused();
    }

    private static InvalidReplySignatureException refused() {
        return new InvalidReplySignatureException("the group signature does not verify under the recipient's group key");
    }
}
