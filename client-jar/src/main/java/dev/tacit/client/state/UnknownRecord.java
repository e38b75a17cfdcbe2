package dev.tacit.client.state;

/**
 * A record of a type this version of the client does not know, written by a newer one: kept as it was and
 * written back unchanged, so that opening a state with an older client loses nothing.
 *
 * @param typeId  its type id
 * @param payload its payload, opaque here
 */
public record UnknownRecord(int typeId, byte[] payload) implements StateRecord {

    public UnknownRecord {
        payload = payload.clone();
    }

    @Override
    public byte[] encode() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return "UnknownRecord[type=" + typeId + ", " + payload.length + " bytes]";
    }
}
