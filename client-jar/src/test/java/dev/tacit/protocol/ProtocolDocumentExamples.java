package dev.tacit.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The worked examples of {@code docs/protocol.md}, so tests can check that the document matches the code
 * byte for byte.
 *
 * <p>An example is a fenced block whose info string is {@code example <id>}; each line inside is
 * {@code name: value} (values are usually lower-case hex):
 *
 * <pre>
 * ```example blind-rsa-token
 * nonce: 5f1c...
 * token: 0002...
 * ```
 * </pre>
 *
 * A test recomputes every field from the example's inputs and calls {@link #assertMatches}; on a mismatch
 * the failure message carries the block as the code produces it, ready to paste into the document.
 */
public final class ProtocolDocumentExamples {

    private static final String FENCE = "```";
    private static final String EXAMPLE_INFO = "example ";

    private final Map<String, Map<String, String>> examples;

    private ProtocolDocumentExamples(Map<String, Map<String, String>> examples) {
        this.examples = examples;
    }

    /** Reads the document named by the {@code tacit.protocol.doc} system property (set by the build). */
    public static ProtocolDocumentExamples load() {
        String location = System.getProperty("tacit.protocol.doc", "../docs/protocol.md");
        try {
            return parse(Files.readAllLines(Path.of(location)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the protocol document at " + location, e);
        }
    }

    static ProtocolDocumentExamples parse(List<String> lines) {
        Map<String, Map<String, String>> examples = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : lines) {
            String trimmed = line.strip();
            if (current == null) {
                if (trimmed.startsWith(FENCE + EXAMPLE_INFO)) {
                    String id = trimmed.substring(FENCE.length() + EXAMPLE_INFO.length()).strip();
                    current = new LinkedHashMap<>();
                    if (examples.put(id, current) != null) {
                        throw new IllegalStateException("example '" + id + "' appears twice in the protocol document");
                    }
                }
            } else if (trimmed.equals(FENCE)) {
                current = null;
            } else if (!trimmed.isEmpty()) {
                int colon = trimmed.indexOf(':');
                if (colon < 0) {
                    throw new IllegalStateException("example line is not 'name: value': " + line);
                }
                current.put(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip());
            }
        }
        return new ProtocolDocumentExamples(examples);
    }

    /** The fields of one example, in document order. */
    public Map<String, String> example(String id) {
        Map<String, String> fields = examples.get(id);
        if (fields == null) {
            fail("docs/protocol.md has no block '" + FENCE + EXAMPLE_INFO + id + "'");
        }
        return fields;
    }

    /** One field of one example. */
    public String field(String id, String name) {
        String value = example(id).get(name);
        if (value == null) {
            fail("example '" + id + "' in docs/protocol.md has no field '" + name + "'");
        }
        return value;
    }

    /** Asserts that the document's example {@code id} has exactly the fields {@code computed}, in that order. */
    public void assertMatches(String id, Map<String, String> computed) {
        assertEquals(render(id, computed), render(id, example(id)),
                "docs/protocol.md example '" + id + "' differs from what the code produces");
    }

    /** The fenced block for an example, as it belongs in the document. */
    public static String render(String id, Map<String, String> fields) {
        return FENCE + EXAMPLE_INFO + id + "\n"
                + fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"))
                + "\n" + FENCE;
    }
}
