package dev.tacit.crypto.token;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The issuer public keys a verifier accepts, by token_key_id. Immutable: rotating keys means building a new
 * ring with {@link #with} and {@link #without}, so a verifier can swap rings atomically. When a key expires
 * is the server's policy; the ring only answers which keys are currently in it.
 */
public final class IssuerKeyRing {

    private static final IssuerKeyRing EMPTY = new IssuerKeyRing(Map.of());

    private final Map<TokenKeyId, IssuerPublicKey> keys;

    private IssuerKeyRing(Map<TokenKeyId, IssuerPublicKey> keys) {
        this.keys = keys;
    }

    public static IssuerKeyRing empty() {
        return EMPTY;
    }

    /** A ring of the given keys; each key id at most once. */
    public static IssuerKeyRing of(Collection<IssuerPublicKey> keys) {
        IssuerKeyRing ring = EMPTY;
        for (IssuerPublicKey key : keys) {
            ring = ring.with(key);
        }
        return ring;
    }

    public static IssuerKeyRing of(IssuerPublicKey... keys) {
        return of(List.of(keys));
    }

    /** This ring plus {@code key}. */
    public IssuerKeyRing with(IssuerPublicKey key) {
        if (keys.containsKey(key.keyId())) {
            throw new IllegalArgumentException("the ring already holds key " + key.keyId());
        }
        Map<TokenKeyId, IssuerPublicKey> copy = new LinkedHashMap<>(keys);
        copy.put(key.keyId(), key);
        return new IssuerKeyRing(java.util.Collections.unmodifiableMap(copy));
    }

    /** This ring without the key {@code keyId}, if it was there. */
    public IssuerKeyRing without(TokenKeyId keyId) {
        Map<TokenKeyId, IssuerPublicKey> copy = new LinkedHashMap<>(keys);
        copy.remove(keyId);
        return new IssuerKeyRing(java.util.Collections.unmodifiableMap(copy));
    }

    public Optional<IssuerPublicKey> find(TokenKeyId keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Set<TokenKeyId> keyIds() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "IssuerKeyRing" + keys.keySet();
    }
}
