package dev.tacit.client.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.crypto.group.GroupKeyUpdate;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.SignedPreKey;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.RequestSigner;

/**
 * Account-scoped calls (docs/protocol.md §4, §5): each request is signed with the account's identity key,
 * over the {@link DirectTransport} — not over Tor, since the server learns who is calling anyway.
 */
public final class AccountClient {

    private final DirectTransport api;
    private final RequestSigner signer;

    public AccountClient(DirectTransport api, PhoneNumber number, IdentityKeyPair identity, Clock clock, SecureRandom random) {
        this.api = api;
        this.signer = new RequestSigner(AccountRequestKeys.signingKey(number, identity), clock, random);
    }

    /** {@code GET /v1/account}: the account as the server holds it. */
    public JsonObject describe() throws TacitClientException {
        return api.signed("GET", "/v1/account", null, signer);
    }

    /** Publishes a new signed ratchet pre-key. */
    public void replacePreKey(SignedPreKey preKey) throws TacitClientException {
        api.signed("PUT", "/v1/account/pre-key",
                Json.createObjectBuilder().add("preKey", Base64Url.encode(preKey.toBytes())).build(), signer);
    }

    /**
     * {@code POST /v1/account/group-key-updates} (docs/protocol.md §4.29): applies {@code updates} (1 to 100, in the
     * order they were made) to the account's group key of epoch {@code fromEpoch}, its current one.
     *
     * @return the answer: the new current {@code epoch} and {@code groupPublicKey}
     * @throws ProblemResponseException {@code 409 group-key-epoch-stale} if the server's key is at another epoch,
     *                                  {@code 400 group-key-update-invalid} if an update does not apply
     */
    public JsonObject uploadGroupKeyUpdates(int fromEpoch, List<GroupKeyUpdate> updates) throws TacitClientException {
        JsonArrayBuilder encoded = Json.createArrayBuilder();
        updates.forEach(update -> encoded.add(Base64Url.encode(update.toBytes())));
        return api.signed("POST", "/v1/account/group-key-updates",
                Json.createObjectBuilder().add("fromEpoch", fromEpoch).add("updates", encoded).build(), signer);
    }

    /** Publishes a new BBS group public key; contacts' member credentials of the old group stop working. */
    public void replaceGroupPublicKey(GroupPublicKey groupPublicKey) throws TacitClientException {
        api.signed("PUT", "/v1/account/group-public-key",
                Json.createObjectBuilder().add("groupPublicKey", Base64Url.encode(groupPublicKey.toBytes())).build(),
                signer);
    }
}
