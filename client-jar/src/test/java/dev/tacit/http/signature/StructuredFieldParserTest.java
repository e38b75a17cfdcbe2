package dev.tacit.http.signature;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The strict RFC 8941 subset: what parses, how it re-serialises, and what is refused. */
class StructuredFieldParserTest {

    @Test
    void parsesInnerListsOfStringsWithParametersOfEveryAcceptedType() throws Exception {
        Map<String, SfMember> parsed = StructuredFieldParser.parseDictionary(
                "a=(\"x\" \"y\\\"z\");n=-12;s=\"q\\\\\";t=tok/en:1, b=:AQID:", "Test");
        SfInnerList a = (SfInnerList) parsed.get("a");
        assertEquals(List.of(SfItem.of(new BareItem.SfString("x")), SfItem.of(new BareItem.SfString("y\"z"))), a.items());
        assertEquals(new BareItem.SfInteger(-12), a.parameters().get("n"));
        assertEquals(new BareItem.SfString("q\\"), a.parameters().get("s"));
        assertEquals(new BareItem.SfToken("tok/en:1"), a.parameters().get("t"));
        assertArrayEquals(new byte[] {1, 2, 3}, ((BareItem.SfBytes) ((SfItem) parsed.get("b")).value()).value());
    }

    @Test
    void toleratesTheWhitespaceRfc8941Allows() throws Exception {
        Map<String, SfMember> parsed = StructuredFieldParser.parseDictionary("  a=( \"x\"  \"y\" ) ,\tb=1", "Test");
        assertEquals("a=(\"x\" \"y\"), b=1", StructuredFieldSerializer.dictionary(parsed));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "a", "a=", "a=1,", "a=1,,b=2", "a=1 b=2", "A=1", "1a=1", "a=?1", "a=1.5", "a=1;p", "a=1;p=?0",
        "a=1234567890123456", "a=-", "a=\"unterminated", "a=\"bad\\escape\"", "a=\"tab\tinside\"", "a=:AQID", "a=:AQI:",
        "a=:AR==:", "a=:A-_=:", "a=(\"x\"", "a=(\"x\"\"y\")", "a=(\"x\");", "a=1, a=2", "a=1;p=1;p=2", "a=é", "a=1 ,b=2x!",
    })
    void rejectsMalformedOrNonSubsetSyntax(String field) {
        assertThrows(MalformedSignatureHeaderException.class, () -> StructuredFieldParser.parseDictionary(field, "Test"));
    }

    @Test
    void rejectsFieldsAndListsBeyondTheLimits() {
        assertThrows(MalformedSignatureHeaderException.class,
                () -> StructuredFieldParser.parseDictionary("a=\"" + "x".repeat(StructuredFieldParser.MAX_FIELD_LENGTH) + "\"", "Test"));
        assertThrows(MalformedSignatureHeaderException.class,
                () -> StructuredFieldParser.parseDictionary("a=(" + "1 ".repeat(StructuredFieldParser.MAX_ENTRIES + 1) + ")", "Test"));
        StringBuilder many = new StringBuilder("a=1");
        for (int i = 0; i <= StructuredFieldParser.MAX_ENTRIES; i++) {
            many.append(";p").append(i).append("=1");
        }
        assertThrows(MalformedSignatureHeaderException.class, () -> StructuredFieldParser.parseDictionary(many.toString(), "Test"));
    }

    @Test
    void theSubsetIsTheParentTypeOfMalformedEncodings() {
        assertThrows(dev.tacit.crypto.MalformedEncodingException.class, () -> StructuredFieldParser.parseDictionary("a=?1", "Test"));
    }
}
