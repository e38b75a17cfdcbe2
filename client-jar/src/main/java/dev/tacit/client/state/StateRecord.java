package dev.tacit.client.state;

/**
 * One record of the client's state: what it is ({@link #typeId()}) and its payload. The state file frames every
 * record alike, {@code type (u16) || length (u32) || payload}, so a new kind of record is a new
 * {@link RecordType} and a class implementing this interface; the file's format does not change, and a client
 * that does not know a type keeps such records as they are ({@link UnknownRecord}).
 */
public interface StateRecord {

    /** The record's type, whose id frames it in the file. */
    int typeId();

    /** The payload: the record's own encoding, which may hold secret keys (the file is encrypted). */
    byte[] encode();
}
