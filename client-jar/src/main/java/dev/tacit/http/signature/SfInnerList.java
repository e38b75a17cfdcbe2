package dev.tacit.http.signature;

import java.util.List;
import java.util.Map;

/** An RFC 8941 inner list with its parameters (kept in order). */
record SfInnerList(List<SfItem> items, Map<String, BareItem> parameters) implements SfMember {

    SfInnerList {
        items = List.copyOf(items);
        parameters = StructuredFieldSerializer.orderedCopy(parameters);
    }
}
