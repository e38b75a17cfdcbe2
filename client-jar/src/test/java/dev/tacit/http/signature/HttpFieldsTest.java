package dev.tacit.http.signature;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The case-insensitive multimap and RFC 9421 §2.1 field value canonicalisation. */
class HttpFieldsTest {

    @Test
    void namesAreCaseInsensitiveAndLinesKeptInOrder() {
        HttpFields fields = HttpFields.builder().add("X-Thing", "one").add("x-thing", "two").build();
        assertEquals(List.of("one", "two"), fields.values("X-THING"));
        assertEquals(List.of("x-thing"), fields.names());
    }

    @Test
    void combinedValueStripsEachLineAndJoinsWithCommaSpace() {
        // RFC 9421 §2.1: "X-OWS-Header:   Leading and trailing whitespace.   " and obsolete-free multi-line values.
        HttpFields fields = HttpFields.builder().add("X-OWS-Header", "   Leading and trailing whitespace.   ")
                .add("X-Dictionary", " a=1,    b=2;x=1;y=2,   c=(a   b   c)").add("X-Dictionary", " d").build();
        assertEquals(Optional.of("Leading and trailing whitespace."), fields.combined("x-ows-header"));
        assertEquals(Optional.of("a=1,    b=2;x=1;y=2,   c=(a   b   c), d"), fields.combined("x-dictionary"));
        assertEquals(Optional.empty(), fields.combined("absent"));
    }

    @Test
    void refusesNamesThatAreNotTokensAndValuesWithLineBreaks() {
        assertThrows(IllegalArgumentException.class, () -> HttpFields.builder().add("Bad Name", "v"));
        assertThrows(IllegalArgumentException.class, () -> HttpFields.builder().add("X", "a\r\nInjected: 1"));
    }
}
