package dev.tacit.it;

import java.security.MessageDigest;
import java.time.Instant;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.wire.Base64Url;

/** Bodies of {@code POST /v1/messages} built by hand from docs/protocol.md §2.2.4 and §4.12, not by the client. */
final class MessagingRequests {

    private MessagingRequests() {
    }

    /** A reply: the group signature over (recipient, SHA-256 of the whole envelope, whole seconds). */
    static JsonObject reply(PhoneNumber recipient, SealedEnvelope envelope, MemberCredential credential, Instant signedAt) {
        try {
            byte[] envelopeBytes = envelope.toBytes();
            GroupSignedMessage message = GroupSignedMessage.of(recipient, envelope, signedAt);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(envelopeBytes);
            if (!java.util.Arrays.equals(digest, message.envelopeDigest())) {
                throw new AssertionError("§2.2.4: the envelope digest is SHA-256 over the whole envelope");
            }
            return Json.createObjectBuilder()
                    .add("recipient", recipient.e164())
                    .add("envelope", Base64Url.encode(envelopeBytes))
                    .add("groupSignature", Base64Url.encode(credential.sign(message).toBytes()))
                    .add("timestamp", signedAt.getEpochSecond())
                    .build();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
