package dev.tacit.client;

import java.util.List;

import jakarta.json.JsonObject;

import dev.tacit.client.account.AccountClient;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.group.GroupKeyUpdate;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.group.InvalidGroupKeyUpdateException;
import dev.tacit.crypto.wire.Base64Url;

/**
 * Brings the server's copy of the account's group key up to the key this client manages (docs/protocol.md §4.29):
 * the client saves each revocation before it uploads the update, so after a crash, a lost answer or a block made while
 * the server was unreachable the server may be some updates behind; this finds where and uploads the rest.
 */
final class GroupKeyUploads {

    private GroupKeyUploads() {
    }

    /**
     * Uploads the updates the server lacks, signed, in requests of at most 100.
     *
     * @return the epoch of the account's group key on the server afterwards
     * @throws GroupKeyConflictException if the server's key is none of this group's chain
     */
    static int upload(AccountClient account, GroupManagerKey group) throws TacitClientException {
        JsonObject held = account.describe();
        GroupPublicKey serverKey;
        int epoch;
        try {
            serverKey = GroupPublicKey.fromBytes(Base64Url.decode(held.getString("groupPublicKey")));
            epoch = held.getInt("groupKeyEpoch");
        } catch (MalformedEncodingException | ClassCastException | NullPointerException e) {
            throw new ServerUnreachableException("the server's account names no group key and epoch", e);
        }
        if (serverKey.equals(group.groupPublicKey())) {
            return epoch;
        }
        // The server's key is that of some earlier epoch of this group: the latest first, as the usual case is one
        // block whose upload did not complete. An update applies only to the key it was made for (§2.2.9).
        for (int since = group.epoch() - 1; since >= 0; since--) {
            List<GroupKeyUpdate> missing = group.updatesSince(since);
            try {
                serverKey.apply(missing.get(0));
            } catch (InvalidGroupKeyUpdateException e) {
                continue;
            }
            for (int from = 0; from < missing.size(); from += 100) {
                JsonObject answer = account.uploadGroupKeyUpdates(epoch,
                        missing.subList(from, Math.min(missing.size(), from + 100)));
                epoch = answer.getInt("epoch");
            }
            return epoch;
        }
        throw new GroupKeyConflictException("the server holds a group key this client did not make: another device"
                + " registered the number with another group");
    }
}
