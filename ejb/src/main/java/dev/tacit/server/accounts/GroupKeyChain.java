package dev.tacit.server.accounts;

import java.util.List;

/**
 * An account's group key at an epoch, and the updates (§2.2.9 encodings) that led to it from an earlier key.
 *
 * @param epoch          the epoch of {@code groupPublicKey}
 * @param groupPublicKey the key's encoding
 * @param updates        the updates from the earlier key to this one, in order; empty if it is the same key
 */
public record GroupKeyChain(int epoch, byte[] groupPublicKey, List<byte[]> updates) {

    public GroupKeyChain {
        groupPublicKey = groupPublicKey.clone();
        updates = List.copyOf(updates);
    }

    @Override
    public byte[] groupPublicKey() {
        return groupPublicKey.clone();
    }
}
