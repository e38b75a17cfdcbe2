package dev.tacit.client.state;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.TokenPurpose;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The reputation records of docs/protocol.md §3.10, byte for byte: a stamp is a token record of purpose 3, and the
 * planned redemption is record type 14 holding its time.
 */
class PlannedRedemptionRecordTest {

    /** Version 1, redeem at 2026-12-01T09:00:00Z (1796115600 s). */
    private static final String ENCODED = "01" + "000000006b0e8c90";

    @Test
    void thePlannedRedemptionEncodesAsDocumentedAndReadsBack() throws Exception {
        PlannedRedemptionRecord record = new PlannedRedemptionRecord(Instant.parse("2026-12-01T09:00:00Z"));

        assertEquals(14, record.typeId());
        assertArrayEquals(HexFormat.of().parseHex(ENCODED), record.encode());
        assertEquals(record, RecordType.decode(14, HexFormat.of().parseHex(ENCODED)));
        for (String bad : new String[] {"02" + ENCODED.substring(2), ENCODED + "00", ENCODED.substring(0, 10)}) {
            assertThrows(MalformedEncodingException.class, () -> RecordType.decode(14, HexFormat.of().parseHex(bad)),
                    bad);
        }
    }

    @Test
    void aStampIsATokenOfPurposeThree() throws Exception {
        TokenRecord stamp = new TokenRecord(TokenPurpose.REPUTATION, StateFixtures.token(3));

        assertEquals(4, stamp.typeId());
        assertEquals("0103", HexFormat.of().formatHex(stamp.encode(), 0, 2), "version 1, purpose 3");
        assertEquals(stamp, RecordType.decode(4, stamp.encode()));
    }

    @Test
    void theStateKeepsStampsApartFromTokensAndOnePlannedRedemption() throws Exception {
        ClientState state = new ClientState(List.of());
        state.addTokens(TokenPurpose.FIRST_CONTACT, List.of(StateFixtures.token(1)));
        state.addTokens(TokenPurpose.REPUTATION, List.of(StateFixtures.token(2), StateFixtures.token(3)));
        state.setPlannedRedemption(Instant.parse("2026-12-01T09:00:00Z"));
        state.setPlannedRedemption(Instant.parse("2026-12-01T10:00:00Z"));

        assertEquals(List.of(StateFixtures.token(2), StateFixtures.token(3)), state.tokens(TokenPurpose.REPUTATION));
        assertEquals(List.of(StateFixtures.token(1)), state.tokens(TokenPurpose.FIRST_CONTACT));
        assertEquals(java.util.Optional.of(Instant.parse("2026-12-01T10:00:00Z")), state.plannedRedemption());
        state.setPlannedRedemption(null);
        assertEquals(java.util.Optional.empty(), state.plannedRedemption());
    }
}
