package dev.tacit.server.verification;

import java.util.regex.Pattern;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * A valid phone number in E.164 form ({@code +} and up to 15 digits), as produced by
 * {@link PhoneNumberNormalizer}. Two numbers are equal exactly when their E.164 forms are.
 */
public final class PhoneNumber {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final int PREFIX_DIGITS = 3;

    private final String e164;
    private final int countryCallingCode;

    PhoneNumber(int countryCallingCode, String e164) {
        if (!E164.matcher(e164).matches() || !e164.startsWith("+" + countryCallingCode)) {
            throw new IllegalArgumentException("not an E.164 number of country calling code " + countryCallingCode);
        }
        this.countryCallingCode = countryCallingCode;
        this.e164 = e164;
    }

    /** The number in E.164 form, e.g. {@code +14155550100}. */
    public String e164() {
        return e164;
    }

    /** The same number as the protocol library's type, for certificates and wire messages. */
    public dev.tacit.crypto.identity.PhoneNumber asProtocolNumber() {
        try {
            return dev.tacit.crypto.identity.PhoneNumber.of(e164);
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a validated E.164 number has the protocol's shape", e);
        }
    }

    /** The country calling code, e.g. {@code 1} or {@code 44}. */
    public int countryCallingCode() {
        return countryCallingCode;
    }

    /** The digits after the country calling code. */
    public String nationalSignificantNumber() {
        return e164.substring(1 + Integer.toString(countryCallingCode).length());
    }

    /**
     * The group of numbers this one shares send limits with: {@code +}, the country calling code and the first
     * three digits of the national significant number (all of them if it is shorter), e.g. {@code +1415} for
     * {@code +14155550100} and {@code +44791} for {@code +447911123456}.
     */
    public String sendPrefix() {
        String national = nationalSignificantNumber();
        return "+" + countryCallingCode + national.substring(0, Math.min(PREFIX_DIGITS, national.length()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber number && number.e164.equals(e164);
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
