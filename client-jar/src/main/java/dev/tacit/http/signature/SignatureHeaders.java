package dev.tacit.http.signature;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The header fields a signer adds to a request: Content-Digest (requests with a body), Signature-Input, Signature. */
public final class SignatureHeaders {

    public static final String CONTENT_DIGEST = "Content-Digest";
    public static final String SIGNATURE_INPUT = "Signature-Input";
    public static final String SIGNATURE = "Signature";

    private final String contentDigest;
    private final String signatureInput;
    private final String signature;
    private final byte[] signatureBase;

    SignatureHeaders(String contentDigest, String signatureInput, String signature, byte[] signatureBase) {
        this.contentDigest = contentDigest;
        this.signatureInput = signatureInput;
        this.signature = signature;
        this.signatureBase = signatureBase;
    }

    public Optional<String> contentDigest() {
        return Optional.ofNullable(contentDigest);
    }

    public String signatureInput() {
        return signatureInput;
    }

    public String signature() {
        return signature;
    }

    /** The fields to add, name to value, in the order above. */
    public Map<String, String> asMap() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (contentDigest != null) {
            fields.put(CONTENT_DIGEST, contentDigest);
        }
        fields.put(SIGNATURE_INPUT, signatureInput);
        fields.put(SIGNATURE, signature);
        return fields;
    }

    /** The exact bytes that were signed, for documentation and debugging. */
    byte[] signatureBase() {
        return signatureBase.clone();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
