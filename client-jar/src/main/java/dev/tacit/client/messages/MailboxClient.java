package dev.tacit.client.messages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.tacit.client.ServerAnswers;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.envelope.OpenedEnvelope;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.message.LocalAccount;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.RequestSigner;

/**
 * The account's own mailbox and the tokens that paid for its first contacts (docs/protocol.md §4.13–§4.16),
 * over the signed channel.
 *
 * <p>Timing: a release is an authenticated request, so the server sees when this account releases a token. Sent
 * right after this account's group-signed reply to the token's sender, it would let the server link the two.
 * {@link #planRelease} is the default: it picks a random time, unrelated to any other traffic, at which the client
 * sends the release; on top, {@link ReleaseTime#LATER} asks the server to execute it at a random later time still.
 */
public final class MailboxClient {

    /** The longest client-side delay {@link #randomReleaseDelay} picks. */
    public static final Duration MAX_CLIENT_RELEASE_DELAY = Duration.ofHours(12);

    private final DirectTransport direct;
    private final RequestSigner signer;

    /** @param direct the direct transport: these requests are signed by the account anyway */
    public MailboxClient(DirectTransport direct, PhoneNumber number, IdentityKeyPair identity, Clock clock,
                         SecureRandom random) {
        this.direct = direct;
        this.signer = new RequestSigner(AccountRequestKeys.signingKey(number, identity), clock, random);
    }

    /** When a release takes effect on the server. */
    public enum ReleaseTime {
        NOW, LATER
    }

    /** Up to {@code limit} (1 to 100) pending messages after {@code cursor} (from the start if empty). */
    public MailboxPage list(Optional<String> cursor, int limit) throws TacitClientException {
        String query = "?limit=" + limit + cursor.map(c -> "&cursor=" + URLEncoder.encode(c, StandardCharsets.US_ASCII))
                .orElse("");
        JsonObject answer = direct.signed("GET", "/v1/account/messages" + query, null, signer);
        try {
            List<PendingMessage> messages = new ArrayList<>();
            for (JsonValue value : answer.getJsonArray("messages")) {
                JsonObject message = value.asJsonObject();
                messages.add(new PendingMessage(message.getString("id"), Instant.parse(message.getString("receivedAt")),
                        SealedEnvelope.fromBytes(ServerAnswers.fromBase64Url(message.getString("envelope"))),
                        Optional.ofNullable(message.getString("tokenHandle", null))));
            }
            return new MailboxPage(messages, Optional.ofNullable(answer.getString("next", null)));
        } catch (MalformedEncodingException | RuntimeException e) {
            throw new ServerUnreachableException("the server's mailbox page is malformed", e);
        }
    }

    /** Every pending message, page after page. */
    public List<PendingMessage> listAll() throws TacitClientException {
        List<PendingMessage> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            MailboxPage page = list(cursor, 100);
            all.addAll(page.messages());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    /**
     * Opens a message (docs/protocol.md §3.5): HPKE with this account's envelope key, then the sender's certificate
     * against the pinned CA at {@code now} and the sender's signature; the caller then hands it to its conversation
     * ({@link dev.tacit.crypto.message.Conversation#accept} for a first contact, {@code receive} otherwise).
     *
     * @throws dev.tacit.crypto.CryptoException if it does not open or check out; acknowledge and drop it
     */
    public static OpenedEnvelope open(PendingMessage message, LocalAccount me, PinnedCaVerifier pinnedCa, Instant now)
            throws dev.tacit.crypto.CryptoException {
        return message.envelope().open(me.recipient(), pinnedCa, now);
    }

    /** Deletes a message this client has stored. */
    public void acknowledge(String id) throws TacitClientException {
        direct.signed("DELETE", "/v1/account/messages/" + id, null, signer);
    }

    /** Releases the token of a welcome first contact; returns when the server releases it. */
    public Instant release(String tokenHandle, ReleaseTime at) throws TacitClientException {
        JsonObject answer = direct.signed("POST", "/v1/account/first-contact-tokens/" + tokenHandle + "/release",
                Json.createObjectBuilder().add("at", at == ReleaseTime.NOW ? "now" : "later").build(), signer);
        try {
            return Instant.parse(answer.getString("releasesAt"));
        } catch (RuntimeException e) {
            throw new ServerUnreachableException("the server did not say when the token is released", e);
        }
    }

    /** Reports a first contact as spam: its token is burned. */
    public void reportSpam(String tokenHandle) throws TacitClientException {
        direct.signed("POST", "/v1/account/first-contact-tokens/" + tokenHandle + "/spam", null, signer);
    }

    /**
     * A release this client has decided on, to send at {@code sendAt}: keep it with the client's state and call
     * {@link #release(String, ReleaseTime)} with {@link ReleaseTime#LATER} once the time has come.
     */
    public record PlannedRelease(String tokenHandle, Instant sendAt) {
    }

    /**
     * The default way to release a token: not now, but at a random time drawn by {@link #randomReleaseDelay} from
     * {@code now}, unrelated to this account's other traffic (docs/protocol.md §4.19).
     */
    public static PlannedRelease planRelease(String tokenHandle, Instant now, SecureRandom random) {
        return new PlannedRelease(tokenHandle, now.plus(randomReleaseDelay(random)));
    }

    /**
     * How long to wait before sending a release: uniform in [0, {@link #MAX_CLIENT_RELEASE_DELAY}), drawn per
     * release, so the request's time says nothing about when this account replied to the token's sender.
     */
    public static Duration randomReleaseDelay(SecureRandom random) {
        return randomReleaseDelay(random, MAX_CLIENT_RELEASE_DELAY);
    }

    /** As {@link #randomReleaseDelay(SecureRandom)}, uniform in [0, {@code window}), to the millisecond. */
    public static Duration randomReleaseDelay(SecureRandom random, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a release window is longer than zero");
        }
        return Duration.ofMillis(random.nextLong(Math.max(1, window.toMillis())));
    }
}
