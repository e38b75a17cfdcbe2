package dev.tacit.crypto.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.util.encoders.Hex;

/**
 * Published test vectors transcribed into test resources: blocks of {@code name: value} lines separated by
 * blank lines, {@code #} starts a comment line.
 */
final class TestVectorFile {

    private TestVectorFile() {
    }

    /** One vector: named hex fields. */
    record Vector(Map<String, String> fields) {

        String text(String name) {
            String value = fields.get(name);
            if (value == null) {
                throw new IllegalArgumentException("test vector has no field " + name);
            }
            return value;
        }

        byte[] bytes(String name) {
            return Hex.decode(text(name));
        }

        java.math.BigInteger integer(String name) {
            return new java.math.BigInteger(text(name), 16);
        }

        @Override
        public String toString() {
            return fields.getOrDefault("name", "vector");
        }
    }

    static List<Vector> load(String resource) {
        try (InputStream in = TestVectorFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<Vector> vectors = new ArrayList<>();
            Map<String, String> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.isEmpty()) {
                    current = null;
                    continue;
                }
                if (current == null) {
                    current = new LinkedHashMap<>();
                    vectors.add(new Vector(current));
                }
                int colon = trimmed.indexOf(':');
                current.put(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip());
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
