package dev.tacit.client.messages;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ProxyUnreachableException;
import dev.tacit.client.ServerAnswers;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.transport.AnonymousSession;
import dev.tacit.client.transport.AnonymousTransport;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.envelope.SealedEnvelope;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.message.Conversation;
import dev.tacit.crypto.message.LocalAccount;
import dev.tacit.crypto.message.UnexpectedSenderException;
import dev.tacit.crypto.token.InvalidTokenSignatureException;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenClient;
import dev.tacit.crypto.token.TokenResponse;
import dev.tacit.crypto.wire.Base64Url;

/**
 * The anonymous messaging calls (docs/protocol.md §4.12, §4.17, §4.18): sending and the token holder's questions.
 * None is signed and none names the caller; each goes through the anonymous transport in a session of its own (a
 * fresh Tor circuit), so the server sees neither the sender's address next to the recipient nor two calls as one
 * caller's.
 */
public final class MessagingClient {

    private final AnonymousTransport anonymous;

    /** @param anonymous the anonymous transport to the server (through Tor's SOCKS proxy) */
    public MessagingClient(AnonymousTransport anonymous) {
        this.anonymous = anonymous;
    }

    /**
     * Sends a first contact, paid with {@code token}. Returns the message id the server gave it.
     *
     * @throws TokenSpentException              if the token was spent before
     * @throws RecipientNotRegisteredException  if the recipient has no account (the token is spent)
     * @throws ProblemResponseException         on any other refusal, by its problem type
     */
    public String sendFirstContact(PhoneNumber recipient, SealedEnvelope envelope, Token token)
            throws TacitClientException {
        return send(recipient, Json.createObjectBuilder()
                .add("recipient", recipient.e164())
                .add("envelope", Base64Url.encode(envelope.toBytes()))
                .add("token", Base64Url.encode(token.encode()))
                .build());
    }

    /**
     * Starts a conversation (docs/protocol.md §3.7): seals the first contact to {@code recipient}'s bundle (looked up
     * and verified against the pinned CA, §4.11), handing over {@code ownCredential}, a member credential of this
     * account's own group for the recipient's replies, and pays for it with a token from {@code wallet}.
     *
     * @throws OutOfTokensException            if the wallet holds no token; nothing is sent
     * @throws ProxyUnreachableException       if the proxy could not be reached: nothing was sent, the token goes back
     * @throws TokenSpentException             if the server says the token was spent before; it stays spent
     * @throws RecipientNotRegisteredException if the recipient has no account (the token is spent)
     * @throws ServerUnreachableException      if no answer came: the token goes back to the wallet, and sending it
     *                                         again is safe, since a token pays once (a repeat is 409)
     */
    public Conversation startConversation(LocalAccount me, VerifiedKeyBundle recipient, MemberCredential ownCredential,
                                          byte[] text, TokenWallet wallet, Instant now, SecureRandom random)
            throws TacitClientException {
        Token token = wallet.take();
        Conversation.Started started = Conversation.start(me, recipient, ownCredential, text, now, random);
        try {
            sendFirstContact(recipient.identity().phoneNumber(), started.envelope(), token);
        } catch (ServerUnreachableException | ProxyUnreachableException e) {
            wallet.putBack(token);
            throw e;
        }
        return started.conversation();
    }

    /**
     * Replies in a conversation: seals {@code text} to the peer's bundle and signs it with {@code peerCredential},
     * the member credential the peer handed over.
     *
     * @throws UnexpectedSenderException if {@code peer} is not the conversation's peer; nothing is sent
     */
    public void reply(Conversation conversation, LocalAccount me, VerifiedKeyBundle peer, MemberCredential peerCredential,
                      byte[] text, Instant now, SecureRandom random)
            throws TacitClientException, UnexpectedSenderException {
        SealedEnvelope envelope = conversation.send(me, peer, text, now, random);
        sendReply(peer.identity().phoneNumber(), envelope, peerCredential, now);
    }

    /**
     * Sends a reply, signed with the member credential the recipient handed over in its first contact or first
     * reply, at {@code now} (the server accepts a few minutes of clock difference, §4.12).
     *
     * @throws ProblemResponseException on a refusal, by its problem type (such as
     *                                  {@code urn:tacit:problem:invalid-reply-signature})
     */
    public String sendReply(PhoneNumber recipient, SealedEnvelope envelope, MemberCredential credential, Instant now)
            throws TacitClientException {
        GroupSignedMessage message = GroupSignedMessage.of(recipient, envelope, now);
        return send(recipient, Json.createObjectBuilder()
                .add("recipient", recipient.e164())
                .add("envelope", Base64Url.encode(envelope.toBytes()))
                .add("groupSignature", Base64Url.encode(credential.sign(message).toBytes()))
                .add("timestamp", message.timestamp().getEpochSecond())
                .build());
    }

    /** What became of a spent token (§4.17): ask before refreshing. */
    public TokenState tokenState(Token token) throws TacitClientException {
        JsonObject answer = post("/v1/first-contact-tokens/state",
                Json.createObjectBuilder().add("token", Base64Url.encode(token.encode())).build());
        try {
            return TokenState.of(answer.getString("state"));
        } catch (RuntimeException e) {
            throw new ServerUnreachableException("the server named no token state", e);
        }
    }

    /**
     * Exchanges a released token for a new one (§4.18), blinded for {@code currentKey}, the key that signs now,
     * and {@code challenge}, the server's first-contact challenge. Once per released token.
     *
     * @throws ProblemResponseException of type {@code urn:tacit:problem:token-not-refreshable} if it is not
     *                                  released (member {@code tokenState})
     */
    public Token refresh(Token released, IssuerPublicKey currentKey, TokenChallenge challenge, SecureRandom random)
            throws TacitClientException {
        return refresh(released, currentKey, challenge, Optional.empty(), random).token();
    }

    /**
     * As {@link #refresh(Token, IssuerPublicKey, TokenChallenge, SecureRandom)}, asking with {@code stampIssuer}
     * for a reputation stamp too (§4.18, §4.24), blinded for the stamp key that signs now and the stamp challenge.
     * A stamp response that does not finalise is discarded (the new token is kept): the refresh happened.
     */
    public Refreshed refresh(Token released, IssuerPublicKey currentKey, TokenChallenge challenge,
                             Optional<StampIssuer> stampIssuer, SecureRandom random) throws TacitClientException {
        PendingToken pending = new TokenClient(currentKey, random).blind(challenge);
        Optional<PendingToken> pendingStamp = stampIssuer.map(issuer -> new TokenClient(issuer.key(), random)
                .blind(issuer.challenge()));
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("token", Base64Url.encode(released.encode()))
                .add("tokenRequest", Base64Url.encode(pending.request().encode()));
        pendingStamp.ifPresent(stamp -> body.add("stampRequest", Base64Url.encode(stamp.request().encode())));
        JsonObject answer = post("/v1/first-contact-tokens/refresh", body.build());
        Token token;
        try {
            token = pending.finalizeToken(TokenResponse.decode(ServerAnswers.fromBase64Url(answer.getString("tokenResponse"))));
        } catch (MalformedEncodingException | InvalidTokenSignatureException | RuntimeException e) {
            throw new ServerUnreachableException("the server's token response does not finalise", e);
        }
        Optional<Token> stamp = Optional.empty();
        if (pendingStamp.isPresent() && answer.get("stampResponse") instanceof JsonString stampResponse) {
            try {
                stamp = Optional.of(pendingStamp.get().finalizeToken(TokenResponse.decode(
                        ServerAnswers.fromBase64Url(stampResponse.getString()))));
            } catch (MalformedEncodingException | InvalidTokenSignatureException | ServerUnreachableException
                     | RuntimeException e) {
                stamp = Optional.empty(); // not a stamp of that key: nothing to keep
            }
        }
        return new Refreshed(token, stamp);
    }

    /** The stamp key that signs now and the stamp challenge (§2.1.3), for a stamp along with a refresh. */
    public record StampIssuer(IssuerPublicKey key, TokenChallenge challenge) {
    }

    /** A refresh's new first-contact token and, if one was asked for and checked out, a reputation stamp. */
    public record Refreshed(Token token, Optional<Token> stamp) {
    }

    /** One anonymous request, in a session of its own. */
    private JsonObject post(String path, JsonObject body) throws TacitClientException {
        try (AnonymousSession session = anonymous.open()) {
            return session.post(path, body);
        }
    }

    private String send(PhoneNumber recipient, JsonObject body) throws TacitClientException {
        try {
            return post("/v1/messages", body).getString("id");
        } catch (ProblemResponseException e) {
            throw typed(recipient, e);
        } catch (ClassCastException | NullPointerException e) {
            throw new ServerUnreachableException("the server's answer names no message id", e);
        }
    }

    private static TacitClientException typed(PhoneNumber recipient, ProblemResponseException problem) {
        if (TokenSpentException.TYPE.equals(problem.type())) {
            return new TokenSpentException(problem,
                    problem.member("tokenState").map(TokenState::of).orElse(TokenState.UNKNOWN));
        }
        if (RecipientNotRegisteredException.TYPE.equals(problem.type())) {
            return new RecipientNotRegisteredException(recipient, problem);
        }
        return problem;
    }
}
