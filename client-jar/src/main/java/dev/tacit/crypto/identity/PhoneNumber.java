package dev.tacit.crypto.identity;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * A phone number in the one E.164 form Tacit knows (docs/protocol.md §1.2): {@code +}, then 2 to 15 digits,
 * the first not zero, so a country calling code and at least one more digit. Certificates, request signatures,
 * look-ups and envelope recipients all use this class. Only the shape is checked; normalisation and
 * numbering-plan rules belong to the caller.
 */
public final class PhoneNumber {

    /** The longest E.164 number in ASCII: {@code +} and 15 digits. */
    public static final int MAX_LENGTH = 16;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private final String e164;

    private PhoneNumber(String e164) {
        this.e164 = e164;
    }

    /** Validates the shape of an E.164 string. */
    public static PhoneNumber of(String e164) throws MalformedEncodingException {
        if (!isE164(e164)) {
            throw new MalformedEncodingException("not an E.164 phone number");
        }
        return new PhoneNumber(e164);
    }

    /** Whether {@code candidate} has the shape {@link #of} accepts. */
    public static boolean isE164(String candidate) {
        return candidate != null && E164.matcher(candidate).matches();
    }

    /** The ASCII bytes of the E.164 string, as carried on the wire (at most 16 bytes). */
    public byte[] toBytes() {
        return e164.getBytes(StandardCharsets.US_ASCII);
    }

    /** Decodes {@link #toBytes()}. */
    public static PhoneNumber fromBytes(byte[] ascii) throws MalformedEncodingException {
        return of(new String(ascii, StandardCharsets.US_ASCII));
    }

    public String e164() {
        return e164;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber && ((PhoneNumber) other).e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    @Override
    public String toString() {
        return e164;
    }
}
