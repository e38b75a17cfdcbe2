package dev.tacit.web.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.tacit.server.messages.InvalidMessageRequestException;

class BinaryMembersTest {

    private static final BinaryMembers MEMBERS = BinaryMembers.refusedWith(InvalidMessageRequestException::new);

    @Test
    void decodesCanonicalBase64UrlWithoutPadding() {
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, MEMBERS.decode("token", "-_8"));
    }

    @Test
    void refusesPaddingOtherAlphabetsAndNonCanonicalTrailingBitsWithTheRequestsOwnProblemNamingTheMember() {
        for (String malformed : new String[] {"-_8=", "+/8", "-_9", "a"}) {
            InvalidMessageRequestException refused = assertThrows(InvalidMessageRequestException.class,
                    () -> MEMBERS.decode("groupSignature", malformed), malformed);
            assertEquals("groupSignature", refused.field(), malformed);
        }
    }
}
