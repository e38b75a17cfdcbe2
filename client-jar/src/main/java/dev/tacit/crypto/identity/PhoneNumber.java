package dev.tacit.crypto.identity;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * An already-normalised E.164 phone number: {@code +} then 1 to 15 digits, the first not zero. Only the
 * shape is checked; normalisation and numbering-plan rules belong to the caller.
 */
public final class PhoneNumber {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{0,14}");

    private final String e164;

    private PhoneNumber(String e164) {
        this.e164 = e164;
    }

    /** Validates the shape of an E.164 string. */
    public static PhoneNumber of(String e164) throws MalformedEncodingException {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new MalformedEncodingException("not an E.164 phone number");
        }
        return new PhoneNumber(e164);
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
