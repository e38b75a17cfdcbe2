package dev.tacit.http.signature;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 8941 §4.1 serialisation of the subset in {@link BareItem}; its output is the canonical form. */
final class StructuredFieldSerializer {

    private StructuredFieldSerializer() {
    }

    static String dictionary(Map<String, ? extends SfMember> members) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ? extends SfMember> member : members.entrySet()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(key(member.getKey())).append('=');
            if (member.getValue() instanceof SfInnerList list) {
                innerList(list, out);
            } else {
                item((SfItem) member.getValue(), out);
            }
        }
        return out.toString();
    }

    static String innerList(SfInnerList list) {
        StringBuilder out = new StringBuilder();
        innerList(list, out);
        return out.toString();
    }

    static String bareItem(BareItem value) {
        StringBuilder out = new StringBuilder();
        bareItem(value, out);
        return out.toString();
    }

    static Map<String, BareItem> orderedCopy(Map<String, BareItem> parameters) {
        Map<String, BareItem> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> copy.put(key(k), v));
        return Collections.unmodifiableMap(copy);
    }

    private static void innerList(SfInnerList list, StringBuilder out) {
        out.append('(');
        for (int i = 0; i < list.items().size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            item(list.items().get(i), out);
        }
        out.append(')');
        parameters(list.parameters(), out);
    }

    private static void item(SfItem item, StringBuilder out) {
        bareItem(item.value(), out);
        parameters(item.parameters(), out);
    }

    private static void parameters(Map<String, BareItem> parameters, StringBuilder out) {
        parameters.forEach((k, v) -> {
            out.append(';').append(k).append('=');
            bareItem(v, out);
        });
    }

    private static void bareItem(BareItem value, StringBuilder out) {
        if (value instanceof BareItem.SfInteger i) {
            out.append(i.value());
        } else if (value instanceof BareItem.SfString s) {
            out.append('"');
            for (char c : s.value().toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        } else if (value instanceof BareItem.SfToken t) {
            out.append(t.value());
        } else {
            out.append(':').append(Base64.getEncoder().encodeToString(((BareItem.SfBytes) value).value())).append(':');
        }
    }

    private static String key(String key) {
        if (!StructuredFieldParser.isKey(key)) {
            throw new IllegalArgumentException("not a structured-field key: " + key);
        }
        return key;
    }
}
