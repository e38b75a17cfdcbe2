package dev.tacit.client.state;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;

import dev.tacit.client.registration.SentCode;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * A verification code the server texted and the user has not confirmed yet (docs/protocol.md §4.5), kept so
 * that asking for the code and typing it in can be two runs of the client.
 * Payload: {@code 0x01 || number_len (u8) || number || proof_len (u16) || send_proof || expires_at (i64, seconds)}.
 *
 * @param sent the code's send, with the server's proof of it
 */
public record PendingCodeRecord(SentCode sent) implements StateRecord {

    private static final int VERSION = 1;

    public PendingCodeRecord {
        Objects.requireNonNull(sent, "sent");
    }

    @Override
    public int typeId() {
        return RecordType.PENDING_CODE.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION)
                .writeShortField(sent.number().getBytes(StandardCharsets.UTF_8))
                .writeMediumField(sent.sendProof().getBytes(StandardCharsets.UTF_8))
                .writeLong(sent.expiresAt().getEpochSecond())
                .toByteArray();
    }

    static PendingCodeRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "pending code record");
        in.expectVersion(VERSION);
        String number = new String(in.readShortField(255), StandardCharsets.UTF_8);
        String proof = new String(in.readMediumField(4096), StandardCharsets.UTF_8);
        long expiresAt = in.readLong();
        in.finish();
        try {
            return new PendingCodeRecord(new SentCode(number, proof, Instant.ofEpochSecond(expiresAt)));
        } catch (DateTimeException e) {
            throw new MalformedEncodingException("pending code record: expiry out of range");
        }
    }
}
