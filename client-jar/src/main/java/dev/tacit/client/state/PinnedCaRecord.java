package dev.tacit.client.state;

import java.util.Objects;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.wire.FieldWriter;
import dev.tacit.crypto.wire.StrictReader;

/**
 * A CA certificate of the server, pinned when the account registered (docs/protocol.md §4.4): identity
 * certificates are accepted when they chain to one of them. Payload: {@code 0x01 || der_len (u16) || der}.
 *
 * @param certificate the CA's certificate
 */
public record PinnedCaRecord(CaCertificate certificate) implements StateRecord {

    private static final int VERSION = 1;

    public PinnedCaRecord {
        Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public int typeId() {
        return RecordType.PINNED_CA.id();
    }

    @Override
    public byte[] encode() {
        return new FieldWriter().writeByte(VERSION).writeMediumField(certificate.toBytes()).toByteArray();
    }

    static PinnedCaRecord decode(byte[] payload) throws MalformedEncodingException {
        StrictReader in = StrictReader.of(payload, "pinned CA record");
        in.expectVersion(VERSION);
        CaCertificate certificate = CaCertificate.fromBytes(in.readMediumField(65535));
        in.finish();
        return new PinnedCaRecord(certificate);
    }
}
