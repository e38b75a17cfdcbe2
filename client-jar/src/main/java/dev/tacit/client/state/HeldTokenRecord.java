package dev.tacit.client.state;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * A first contact this account received, by the handle that releases or reports its token (docs/protocol.md
 * §4.13, §4.15, §4.16), with its sender, and the time this client has drawn to send the release at, once the user
 * has decided to release it (a pending release). Removed once the release or spam report is sent.
 * Payload: {@code 0x01 || handle (16) || number_len (u8) || sender || release_at (i64, seconds; -1 if not planned)}.
 *
 * @param handle    the token handle, base64url of 16 bytes, as the mailbox named it
 * @param sender    who sent the first contact (from its verified certificate)
 * @param releaseAt when to send the release, once planned
 */
public record HeldTokenRecord(String handle, PhoneNumber sender, Optional<Instant> releaseAt) implements StateRecord {

    private static final int VERSION = 1;
    public HeldTokenRecord {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(releaseAt, "releaseAt");
        RandomIds.bytes(handle, "a token handle");
    }

    /** This first contact with its release planned for {@code at}. */
    public HeldTokenRecord releasingAt(Instant at) {
        return new HeldTokenRecord(handle, sender, Optional.of(at));
    }

    @Override
    public int typeId() {
        return RecordType.HELD_TOKEN.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION).writeFixed(RandomIds.bytes(handle, "a token handle"))
                .writeShortField(sender.toBytes()).writeLong(releaseAt.map(Instant::getEpochSecond).orElse(-1L))
                .toByteArray();
    }

    static HeldTokenRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "held token record");
        in.expectVersion(VERSION);
        String handle = Base64Url.encode(in.readFixed(RandomIds.BYTES));
        PhoneNumber sender = PhoneNumber.fromBytes(in.readShortField(16));
        long releaseAt = in.readLong();
        in.finish();
        try {
            return new HeldTokenRecord(handle, sender, releaseAt == -1 ? Optional.empty()
                    : Optional.of(Instant.ofEpochSecond(releaseAt)));
        } catch (DateTimeException e) {
            throw new MalformedEncodingException("held token record: release time out of range");
        }
    }

    @Override
    public String toString() {
        return "HeldTokenRecord[" + sender + releaseAt.map(at -> ", release at " + at).orElse("") + "]";
    }
}
