package dev.tacit.server.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.tacit.server.settings.TacitSettings;

/** An account's push subscriptions (docs/protocol.md §4.21–§4.23), over the signed channel. */
@Stateless
public class PushSubscriptionService {

    /** The longest endpoint accepted; push services' URLs are a few hundred characters. */
    public static final int MAX_ENDPOINT_LENGTH = 1024;
    static final int ID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PushSubscriptionStore store;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    /**
     * Subscribes {@code endpoint}; the same endpoint again keeps its subscription. Returns the subscription's id.
     *
     * @throws InvalidPushSubscriptionException   if the endpoint is not an absolute HTTPS URL of at most 1024 characters
     *                                            without user information or fragment
     * @throws TooManyPushSubscriptionsException if the account holds as many subscriptions as it may
     */
    public byte[] subscribe(String account, String endpoint) {
        URI uri = validEndpoint(endpoint);
        store.lockAccount(account);
        var existing = store.idOf(account, uri.toString());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (store.count(account) >= settings.push().perAccount()) {
            throw new TooManyPushSubscriptionsException(settings.push().perAccount());
        }
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        store.insert(id, account, uri.toString(), clock.instant());
        return id;
    }

    /** @throws UnknownPushSubscriptionException if the account holds no subscription with this id */
    public void unsubscribe(String account, byte[] id) {
        if (!store.delete(account, id)) {
            throw new UnknownPushSubscriptionException();
        }
    }

    public List<String> endpoints(String account) {
        return store.endpoints(account);
    }

    /** Deletes a subscription its push service calls gone (RFC 8030 §7.3). */
    public void forgetGone(String account, String endpoint) {
        store.deleteEndpoint(account, endpoint);
    }

    static URI validEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isEmpty() || endpoint.length() > MAX_ENDPOINT_LENGTH) {
            throw new InvalidPushSubscriptionException("an endpoint of 1 to " + MAX_ENDPOINT_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new InvalidPushSubscriptionException("not a URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || uri.isOpaque()) {
            throw new InvalidPushSubscriptionException("an absolute https URL with a host, no user information and"
                    + " no fragment");
        }
        return uri;
    }
}
