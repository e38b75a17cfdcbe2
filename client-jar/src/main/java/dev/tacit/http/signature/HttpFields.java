package dev.tacit.http.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, case-insensitive multimap of HTTP header fields, keeping every field line in order. Names
 * are stored lower-cased, as RFC 9421 component identifiers name them.
 */
public final class HttpFields {

    private static final HttpFields EMPTY = new HttpFields(Map.of());

    private final Map<String, List<String>> lines;

    private HttpFields(Map<String, List<String>> lines) {
        this.lines = lines;
    }

    public static HttpFields empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every field line of {@code name}, in order; empty if absent. */
    public List<String> values(String name) {
        return lines.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean contains(String name) {
        return lines.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The field's value as RFC 9421 §2.1 canonicalises it: each line stripped of leading and trailing
     * whitespace, lines joined with ", "; empty if the field is absent.
     */
    public Optional<String> combined(String name) {
        List<String> values = values(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<String> stripped = new ArrayList<>(values.size());
        for (String value : values) {
            stripped.add(value.strip());
        }
        return Optional.of(String.join(", ", stripped));
    }

    /** The lower-cased names present, in first-seen order. */
    public List<String> names() {
        return List.copyOf(lines.keySet());
    }

    /** A copy of these fields with more lines appended. */
    public HttpFields plus(Map<String, String> more) {
        Builder builder = toBuilder();
        more.forEach(builder::add);
        return builder.build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        lines.forEach((name, values) -> values.forEach(v -> builder.add(name, v)));
        return builder;
    }

    @Override
    public String toString() {
        return "HttpFields" + lines.keySet();
    }

    /** Collects field lines; names must be RFC 9110 tokens, values free of CR, LF and NUL. */
    public static final class Builder {

        private final Map<String, List<String>> lines = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(String name, String value) {
            if (name.isEmpty() || !name.chars().allMatch(c -> StructuredFieldParser.isTchar((char) c))) {
                throw new IllegalArgumentException("not a field name: " + name);
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("field value of " + name + " contains CR, LF or NUL");
            }
            lines.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
            return this;
        }

        public HttpFields build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            lines.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            return new HttpFields(Collections.unmodifiableMap(copy));
        }
    }
}
