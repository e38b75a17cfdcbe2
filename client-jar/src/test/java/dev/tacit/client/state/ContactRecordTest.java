package dev.tacit.client.state;

import java.util.Arrays;
import java.util.Optional;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.KeyBundle;
import dev.tacit.crypto.wire.FieldWriter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A contact record (§3.10 type 6): version 2 with a credential of any length, version 1 still read. */
class ContactRecordTest {

    private final StateFixtures fixtures = new StateFixtures();

    @Test
    void versionTwoCarriesTheCredentialWithItsLength() throws Exception {
        ContactRecord contact = fixtures.contact();
        byte[] credential = contact.credential().orElseThrow().toBytes();
        byte[] payload = contact.encode();
        assertEquals(2, payload[0], "written as version 2");
        byte[] tail = Arrays.copyOfRange(payload, payload.length - credential.length - 3, payload.length);
        assertEquals(1, tail[0], "has_credential");
        assertEquals(credential.length, ((tail[1] & 0xff) << 8) | (tail[2] & 0xff), "credential_len");
        assertArrayEquals(credential, Arrays.copyOfRange(tail, 3, tail.length));
        assertEquals(contact, ContactRecord.decode(payload));
    }

    @Test
    void versionOneWithItsFixedCredentialIsStillRead() throws Exception {
        ContactRecord contact = fixtures.contact();
        MemberCredential credential = contact.credential().orElseThrow();
        byte[] versionOne = new FieldWriter().writeByte(1).writeShortField(contact.number().toBytes())
                .writeFixed(contact.identityKey().toBytes())
                .writeMediumField(contact.bundle().map(KeyBundle::toBytes).orElseThrow())
                .writeByte(1).writeFixed(credential.toBytes()).toByteArray();
        assertEquals(contact, ContactRecord.decode(versionOne));

        byte[] withoutCredential = new FieldWriter().writeByte(1).writeShortField(contact.number().toBytes())
                .writeFixed(contact.identityKey().toBytes()).writeMediumField(new byte[0]).writeByte(0).toByteArray();
        assertEquals(new ContactRecord(contact.number(), contact.identityKey(), Optional.empty(), Optional.empty()),
                ContactRecord.decode(withoutCredential));
    }

    @Test
    void anUnknownVersionOrATruncatedCredentialIsRefused() {
        byte[] payload = fixtures.contact().encode();
        byte[] versionThree = payload.clone();
        versionThree[0] = 3;
        assertThrows(MalformedEncodingException.class, () -> ContactRecord.decode(versionThree));
        assertThrows(MalformedEncodingException.class,
                () -> ContactRecord.decode(Arrays.copyOf(payload, payload.length - 1)));
    }
}
