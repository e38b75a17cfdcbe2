package dev.tacit.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProtocolDocumentExamplesTest {

    private static final List<String> DOCUMENT = List.of(
            "# Some section",
            "```example demo",
            "key: 00ff",
            "message: 616263",
            "```",
            "```hex",
            "not: an example",
            "```");

    @Test
    void readsTheFieldsOfAnExampleBlockInOrder() {
        ProtocolDocumentExamples examples = ProtocolDocumentExamples.parse(DOCUMENT);

        assertEquals(List.of("key", "message"), List.copyOf(examples.example("demo").keySet()));
        assertEquals("616263", examples.field("demo", "message"));
    }

    @Test
    void aDifferingValueFailsWithTheBlockToPaste() {
        ProtocolDocumentExamples examples = ProtocolDocumentExamples.parse(DOCUMENT);
        Map<String, String> computed = new LinkedHashMap<>();
        computed.put("key", "00ff");
        computed.put("message", "616264");

        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> examples.assertMatches("demo", computed));
        assertEquals(ProtocolDocumentExamples.render("demo", computed), failure.getExpected().getStringRepresentation());
    }

    @Test
    void aMissingExampleFails() {
        ProtocolDocumentExamples examples = ProtocolDocumentExamples.parse(DOCUMENT);

        assertThrows(AssertionFailedError.class, () -> examples.example("absent"));
    }
}
