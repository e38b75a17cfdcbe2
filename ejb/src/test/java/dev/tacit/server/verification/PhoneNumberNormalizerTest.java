package dev.tacit.server.verification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhoneNumberNormalizerTest {

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();

    @ParameterizedTest
    @ValueSource(strings = {"+14155550100", "+1 415 555 0100", "+1 (415) 555-0100", "  +1.415.555.0100 "})
    void normalisesInternationalFormatsToE164(String input) {
        assertEquals("+14155550100", normalizer.normalize(input).e164());
    }

    @Test
    void dropsTheNationalTrunkPrefixWrittenInBrackets() {
        assertEquals("+447911123456", normalizer.normalize("+44 (0)7911 123456").e164());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "4155550100", "004414155550100", "+1 415 555", "+999 1234567", "+1 415 555 0100 ext. 12",
            "+44 7700 900123 123456789", "not a number", "+1415555010012345678901234567890123456789"})
    void refusesWhatIsNotAValidInternationalNumber(String input) {
        assertThrows(InvalidPhoneNumberException.class, () -> normalizer.normalize(input));
    }

    @Test
    void exposesCountryCallingCodeAndNationalNumber() {
        NormalizedPhoneNumber number = normalizer.normalize("+44 7911 123456");

        assertEquals(44, number.countryCallingCode());
        assertEquals("7911123456", number.nationalSignificantNumber());
    }

    @Test
    void sendPrefixIsCountryCodeAndThreeDigits() {
        assertEquals("+1415", normalizer.normalize("+1 415 555 0100").sendPrefix());
        assertEquals("+44791", normalizer.normalize("+44 7911 123456").sendPrefix());
        assertEquals("+49301", normalizer.normalize("+49 30 12345678").sendPrefix());
    }

    @Test
    void convertsToTheProtocolLibrarysNumber() {
        assertEquals("+14155550100", normalizer.normalize("+1 415 555 0100").asProtocolNumber().e164());
    }

    @Test
    void equalNumbersAreEqualWhateverTheirFormatting() {
        assertEquals(normalizer.normalize("+1 415 555 0100"), normalizer.normalize("+1-415-555-0100"));
        assertEquals("+14155550100", normalizer.normalize("+1 415 555 0100").toString());
    }
}
