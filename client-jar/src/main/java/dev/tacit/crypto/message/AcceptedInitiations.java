package dev.tacit.crypto.message;

import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.ratchet.SessionInitiation;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The session initiations this account has accepted under its current signed pre-key, so that a first contact
 * replayed by the server (or anyone) is rejected instead of opening a second conversation. Clear it when the
 * signed pre-key is rotated: initiations for an old pre-key no longer decrypt. Persist with {@link #toBytes()}:
 * {@code 0x01 || count (u32) || session_initiation (37)*}.
 */
public final class AcceptedInitiations {

    private static final int VERSION = 1;
    /** Far above any realistic number of first contacts during one pre-key's lifetime. */
    public static final int MAX_ENTRIES = 1_000_000;

    private final Set<String> seen = new LinkedHashSet<>();

    public AcceptedInitiations() {
    }

    /** Records {@code initiation}; false if it was already recorded. */
    boolean add(SessionInitiation initiation) {
        if (seen.size() >= MAX_ENTRIES) {
            throw new IllegalStateException("too many accepted initiations; rotate the signed pre-key");
        }
        return seen.add(HexFormat.of().formatHex(initiation.toBytes()));
    }

    boolean contains(SessionInitiation initiation) {
        return seen.contains(HexFormat.of().formatHex(initiation.toBytes()));
    }

    /** Forgets everything, after the signed pre-key was rotated. */
    public void clear() {
        seen.clear();
    }

    public int size() {
        return seen.size();
    }

    public byte[] toBytes() {
        FieldWriter out = new FieldWriter().writeByte(VERSION).writeInt(seen.size());
        for (String hex : seen) {
            out.writeFixed(HexFormat.of().parseHex(hex));
        }
        return out.toByteArray();
    }

    public static AcceptedInitiations fromBytes(byte[] encoded) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(encoded, "AcceptedInitiations");
        in.expectVersion(VERSION);
        long count = in.readUnsignedInt(MAX_ENTRIES);
        AcceptedInitiations initiations = new AcceptedInitiations();
        for (long i = 0; i < count; i++) {
            if (!initiations.add(SessionInitiation.fromBytes(in.readFixed(SessionInitiation.LENGTH)))) {
                throw new MalformedEncodingException("AcceptedInitiations: duplicate entry");
            }
        }
        in.finish();
        return initiations;
    }

    @Override
    public String toString() {
        return "AcceptedInitiations[" + seen.size() + "]";
    }
}
