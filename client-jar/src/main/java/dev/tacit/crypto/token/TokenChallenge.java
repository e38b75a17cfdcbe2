package dev.tacit.crypto.token;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.crypto.digests.SHA256Digest;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.wire.StrictReader;

/**
 * The TokenChallenge of RFC 9577 §2.1.1 for token type 0x0002:
 * <pre>
 * token_type (2) || issuer_name&lt;1..2^16-1&gt; || redemption_context&lt;0..32&gt; || origin_info&lt;0..2^16-1&gt;
 * </pre>
 * with 2-, 1- and 2-byte big-endian length prefixes. A token is bound to its challenge by
 * {@code challenge_digest = SHA-256(encoding)}. Names are printable ASCII; origin_info is the origin names
 * joined by commas.
 */
public final class TokenChallenge {

    private static final int MAX_STRING_LENGTH = 0xffff;

    private final String issuerName;
    private final RedemptionContext redemptionContext;
    private final List<String> originNames;
    private final byte[] encoded;

    private TokenChallenge(String issuerName, RedemptionContext redemptionContext, List<String> originNames, byte[] encoded) {
        this.issuerName = issuerName;
        this.redemptionContext = redemptionContext;
        this.originNames = originNames;
        this.encoded = encoded;
    }

    /**
     * A challenge for token type 0x0002.
     *
     * @param issuerName  the issuer's name, 1 to 65535 printable ASCII characters
     * @param context     the redemption context, possibly {@link RedemptionContext#none()}
     * @param originNames the origins the token may be redeemed at, each non-empty printable ASCII without commas;
     *                    empty for no restriction
     * @throws IllegalArgumentException if a name breaks those rules
     */
    public static TokenChallenge of(String issuerName, RedemptionContext context, List<String> originNames) {
        checkName(issuerName, "issuer_name");
        List<String> origins = List.copyOf(originNames);
        for (String origin : origins) {
            checkName(origin, "an origin name");
            if (origin.indexOf(',') >= 0) {
                throw new IllegalArgumentException("an origin name must not contain a comma");
            }
        }
        byte[] issuer = issuerName.getBytes(StandardCharsets.US_ASCII);
        byte[] originInfo = String.join(",", origins).getBytes(StandardCharsets.US_ASCII);
        if (issuer.length > MAX_STRING_LENGTH || originInfo.length > MAX_STRING_LENGTH) {
            throw new IllegalArgumentException("issuer_name and origin_info are at most 65535 bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeUint16(out, TokenFormat.TOKEN_TYPE);
        writeUint16(out, issuer.length);
        out.writeBytes(issuer);
        out.write(context.length());
        out.writeBytes(context.encode());
        writeUint16(out, originInfo.length);
        out.writeBytes(originInfo);
        return new TokenChallenge(issuerName, context, origins, out.toByteArray());
    }

    /** Tacit's challenge for tokens of one purpose: origin_info is the purpose's single origin name. */
    public static TokenChallenge forPurpose(String issuerName, TokenPurpose purpose, RedemptionContext context) {
        return of(issuerName, context, List.of(purpose.originName()));
    }

    /** Decodes a challenge, rejecting other token types, bad lengths, non-ASCII names and trailing bytes. */
    public static TokenChallenge decode(byte[] encoded) throws MalformedEncodingException {
        StrictReader reader = StrictReader.of(encoded, "TokenChallenge");
        TokenFormat.readTokenType(reader, "TokenChallenge");
        String issuerName = ascii(reader.readFixed(reader.readUnsignedShort()));
        RedemptionContext context = RedemptionContext.of(reader.readFixed(reader.readUnsignedByte()));
        String originInfo = ascii(reader.readFixed(reader.readUnsignedShort()));
        reader.finish();
        List<String> origins = originInfo.isEmpty() ? List.of() : Arrays.asList(originInfo.split(",", -1));
        TokenChallenge challenge;
        try {
            challenge = of(issuerName, context, origins);
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException("invalid TokenChallenge: " + e.getMessage(), e);
        }
        return challenge;
    }

    public String issuerName() {
        return issuerName;
    }

    public RedemptionContext redemptionContext() {
        return redemptionContext;
    }

    /** The origin names of origin_info, in order; empty if origin_info is empty. */
    public List<String> originNames() {
        return originNames;
    }

    public byte[] encode() {
        return encoded.clone();
    }

    /** challenge_digest: SHA-256 of the encoding. */
    public byte[] digest() {
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(encoded, 0, encoded.length);
        byte[] digest = new byte[TokenFormat.CHALLENGE_DIGEST_LENGTH];
        sha256.doFinal(digest, 0);
        return digest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenChallenge that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "TokenChallenge[issuer=" + issuerName + ", context=" + redemptionContext + ", origins=" + originNames + "]";
    }

    private static void checkName(String name, String what) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(what + " must be printable ASCII without spaces");
        }
    }

    private static String ascii(byte[] bytes) throws MalformedEncodingException {
        for (byte b : bytes) {
            if (b <= 0x20 || b >= 0x7f) {
                throw new MalformedEncodingException("a TokenChallenge name is not printable ASCII");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static void writeUint16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }
}
