package dev.tacit.http.signature;

import java.util.Map;

/** An RFC 8941 item: a bare item with parameters (kept in order). */
record SfItem(BareItem value, Map<String, BareItem> parameters) implements SfMember {

    SfItem {
        parameters = StructuredFieldSerializer.orderedCopy(parameters);
    }

    static SfItem of(BareItem value) {
        return new SfItem(value, Map.of());
    }
}
