package dev.tacit.client.state;

import java.util.HexFormat;

import dev.tacit.crypto.MalformedEncodingException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The discovery allowance record's payload, as docs/protocol.md §3.10 lays it out, byte for byte. */
class DiscoveryAllowanceRecordTest {

    /** Version 1, the window from 2025-12-04T00:00:00Z (1764806400 s) lasting 604800 s, spent. */
    private static final String ENCODED = "01" + "000000006930cf00" + "0000000000093a80" + "01";

    @Test
    void encodesAsDocumentedAndReadsBack() throws Exception {
        DiscoveryAllowanceRecord record = StateFixtures.discoveryAllowance();

        assertArrayEquals(HexFormat.of().parseHex(ENCODED), record.encode());
        assertEquals(record, RecordType.decode(RecordType.DISCOVERY_ALLOWANCE.id(), HexFormat.of().parseHex(ENCODED)));
    }

    @Test
    void anythingElseIsMalformed() {
        for (String bad : new String[] {
            "02" + ENCODED.substring(2),                              // unknown version
            ENCODED.substring(0, ENCODED.length() - 2) + "02",        // spent neither 0 nor 1
            ENCODED + "00",                                           // trailing byte
            ENCODED.substring(0, ENCODED.length() - 2),               // cut short
            "01" + "000000006930cf01" + "0000000000093a80" + "00",    // start not a multiple of the length
            "01" + "000000006930cf00" + "0000000000000000" + "00",    // zero length
        }) {
            assertThrows(MalformedEncodingException.class,
                    () -> RecordType.decode(RecordType.DISCOVERY_ALLOWANCE.id(), HexFormat.of().parseHex(bad)), bad);
        }
    }
}
