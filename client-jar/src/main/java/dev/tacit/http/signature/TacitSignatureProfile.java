package dev.tacit.http.signature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.wire.Base64Url;

/**
 * Tacit's profile of RFC 9421 (docs/protocol.md §5): the label, covered components and signature
 * parameters every account-scoped request carries, fixed so that a verifier accepts one shape only.
 */
final class TacitSignatureProfile {

    static final String LABEL = "tacit";
    static final String ALG = "ed25519";
    static final String TAG = "tacit-v1";
    static final int SIGNATURE_LENGTH = 64;
    /** Bytes of randomness the signer puts in a nonce; verifiers accept 16 to 64. */
    static final int NONCE_BYTES = 32;
    static final int MIN_NONCE_BYTES = 16;
    static final int MAX_NONCE_BYTES = 64;

    static final String CREATED = "created";
    static final String EXPIRES = "expires";
    static final String NONCE = "nonce";
    static final String KEYID = "keyid";
    static final String PARAM_ALG = "alg";
    static final String PARAM_TAG = "tag";

    /**
     * {@code @authority}, {@code @path} and {@code @query} rather than {@code @target-uri}: a TLS terminator
     * turns the scheme into http, and the server knows its public authority from configuration.
     */
    private static final List<String> COMPONENTS = List.of("@method", "@authority", "@path", "@query");

    private TacitSignatureProfile() {
    }

    /** The covered components, in order: content-digest only for a request with a body. */
    static List<String> components(boolean hasBody) {
        List<String> components = new ArrayList<>(COMPONENTS);
        if (hasBody) {
            components.add(ContentDigest.FIELD);
        }
        return List.copyOf(components);
    }

    /** The signature parameters the signer emits, in the order it emits them. */
    static SfInnerList signatureParams(boolean hasBody, long created, String nonce, String keyId) {
        List<SfItem> items = new ArrayList<>();
        for (String component : components(hasBody)) {
            items.add(SfItem.of(new BareItem.SfString(component)));
        }
        Map<String, BareItem> parameters = new LinkedHashMap<>();
        parameters.put(CREATED, new BareItem.SfInteger(created));
        parameters.put(NONCE, new BareItem.SfString(nonce));
        parameters.put(KEYID, new BareItem.SfString(keyId));
        parameters.put(PARAM_ALG, new BareItem.SfString(ALG));
        parameters.put(PARAM_TAG, new BareItem.SfString(TAG));
        return new SfInnerList(items, parameters);
    }

    /** A keyid is a phone number in the one E.164 form of docs/protocol.md §1.2. */
    static boolean isE164(String keyId) {
        return PhoneNumber.isE164(keyId);
    }

    static String encodeNonce(byte[] nonce) {
        return Base64Url.encode(nonce);
    }

    /** Whether {@code nonce} is canonical unpadded base64url of 16 to 64 bytes. */
    static boolean isNonce(String nonce) {
        if (nonce.length() > 2 * MAX_NONCE_BYTES) {
            return false;
        }
        try {
            int length = Base64Url.decode(nonce).length;
            return length >= MIN_NONCE_BYTES && length <= MAX_NONCE_BYTES;
        } catch (MalformedEncodingException e) {
            return false;
        }
    }
}
