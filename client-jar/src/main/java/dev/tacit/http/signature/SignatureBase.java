package dev.tacit.http.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.tacit.http.PublicOrigin;

/**
 * RFC 9421 §2.5 signature base of a request for any list of covered components, given as the signature's
 * parameters inner list (component identifiers as strings, then {@code created}, {@code keyid}...).
 * Supports the request-derived components of §2.2 a request can have and header fields by name; not
 * component parameters ({@code ;sf}, {@code ;key}, {@code ;bs}, {@code ;req}, {@code ;tr}).
 */
final class SignatureBase {

    private SignatureBase() {
    }

    static byte[] of(HttpRequestParts request, SfInnerList signatureParams)
            throws SignatureProfileException, MissingComponentException, MalformedSignatureHeaderException {
        StringBuilder base = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (SfItem item : signatureParams.items()) {
            if (!(item.value() instanceof BareItem.SfString identifier)) {
                throw new MalformedSignatureHeaderException("a covered component identifier is not a string");
            }
            if (!item.parameters().isEmpty()) {
                throw new SignatureProfileException("component parameters are not supported");
            }
            String name = identifier.value();
            if (!seen.add(name)) {
                throw new MalformedSignatureHeaderException("component " + name + " is covered twice");
            }
            base.append(StructuredFieldSerializer.bareItem(identifier)).append(": ")
                    .append(componentValue(request, name)).append('\n');
        }
        base.append("\"@signature-params\": ").append(StructuredFieldSerializer.innerList(signatureParams));
        return base.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String componentValue(HttpRequestParts request, String name)
            throws SignatureProfileException, MissingComponentException, MalformedSignatureHeaderException {
        URI uri = request.targetUri();
        switch (name) {
            case "@method":
                return request.method();
            case "@target-uri":
                return uri.toASCIIString();
            case "@authority":
                return PublicOrigin.authorityOf(uri);
            case "@scheme":
                return uri.getScheme().toLowerCase(Locale.ROOT);
            case "@request-target":
                return path(uri) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            case "@path":
                return path(uri);
            case "@query":
                return "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery());
            default:
                break;
        }
        if (name.startsWith("@")) {
            throw new SignatureProfileException("unsupported derived component " + name);
        }
        if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))
                || !name.chars().allMatch(c -> StructuredFieldParser.isTchar((char) c))) {
            throw new MalformedSignatureHeaderException("component identifier is not a lower-case field name");
        }
        String value = request.headers().combined(name).orElse(null);
        if (value == null) {
            throw new MissingComponentException("covered header field " + name + " is absent");
        }
        if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e || c == '\t')) {
            throw new MalformedSignatureHeaderException("covered header field " + name + " is not printable ASCII");
        }
        return value;
    }

    /** §2.2.6: the absolute path as sent, "/" when empty. */
    private static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
