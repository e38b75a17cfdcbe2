package dev.tacit.http.signature;

/** A dictionary member value (RFC 8941 §3.2): an item or an inner list. */
sealed interface SfMember permits SfItem, SfInnerList {
}
