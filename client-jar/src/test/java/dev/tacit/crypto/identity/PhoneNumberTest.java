package dev.tacit.crypto.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tacit.crypto.MalformedEncodingException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+12", "+4915112345678", "+123456789012345"})
    void acceptsE164Shapes(String e164) throws Exception {
        assertEquals(e164, PhoneNumber.of(e164).e164());
        assertEquals(PhoneNumber.of(e164), PhoneNumber.fromBytes(PhoneNumber.of(e164).toBytes()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "+1", "+7", "4915112345678", "+0151", "+1234567890123456", "+49 151", "+49a", "++49"})
    void rejectsAnythingElse(String candidate) {
        assertThrows(MalformedEncodingException.class, () -> PhoneNumber.of(candidate));
    }
}
