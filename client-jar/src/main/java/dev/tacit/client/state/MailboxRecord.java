package dev.tacit.client.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * Where this client is in its mailbox (docs/protocol.md §4.13, §4.14): the ids of messages it has taken into its
 * state (their conversation moved on and was saved) but whose acknowledgement the server has not confirmed yet. A
 * message the mailbox lists again under such an id is acknowledged again and not opened twice — delivery is at
 * least once, and a ratchet message opened twice would be refused as a replay. The mailbox is read from its start
 * each time: acknowledged messages leave it, and §4.13 says a message arriving during a paged listing may be left
 * behind a cursor, so no cursor is kept between reads.
 * Payload: {@code 0x01 || count (u32) || id (16)*}.
 *
 * @param taken ids of messages taken into the state and not yet acknowledged, in order
 */
public record MailboxRecord(List<String> taken) implements StateRecord {

    private static final int VERSION = 1;
    /** A mailbox read is 100 messages a page; far more unacknowledged ids than that means something is wrong. */
    private static final int MAX_TAKEN = 100_000;

    public MailboxRecord {
        taken = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(taken, "taken")));
        taken.forEach(id -> RandomIds.bytes(id, "a message id"));
    }

    /** No message taken. */
    public static MailboxRecord empty() {
        return new MailboxRecord(List.of());
    }

    /** This record with {@code ids} taken too. */
    public MailboxRecord with(List<String> ids) {
        List<String> all = new ArrayList<>(taken);
        all.addAll(ids);
        return new MailboxRecord(all);
    }

    /** This record without {@code ids}, acknowledged. */
    public MailboxRecord without(Set<String> ids) {
        return new MailboxRecord(taken.stream().filter(id -> !ids.contains(id)).toList());
    }

    @Override
    public int typeId() {
        return RecordType.MAILBOX.id();
    }

    @Override
    public byte[] encode() {
        FieldWriter out = new FieldWriter().writeByte(VERSION).writeInt(taken.size());
        taken.forEach(id -> out.writeFixed(RandomIds.bytes(id, "a message id")));
        return out.toByteArray();
    }

    static MailboxRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "mailbox record");
        in.expectVersion(VERSION);
        long count = in.readUnsignedInt(MAX_TAKEN);
        List<String> taken = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            taken.add(Base64Url.encode(in.readFixed(RandomIds.BYTES)));
        }
        in.finish();
        if (new LinkedHashSet<>(taken).size() != taken.size()) {
            throw new MalformedEncodingException("mailbox record: an id twice");
        }
        return new MailboxRecord(taken);
    }
}
