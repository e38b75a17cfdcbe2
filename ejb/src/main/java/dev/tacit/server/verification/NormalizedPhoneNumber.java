package dev.tacit.server.verification;

import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.PhoneNumber;

/**
 * A phone number libphonenumber has validated and put in E.164 form ({@link PhoneNumberNormalizer}), with
 * what verification needs beyond the protocol's {@link PhoneNumber}: its country calling code and the prefix
 * it shares send limits with. Two numbers are equal exactly when their E.164 forms are.
 */
public final class NormalizedPhoneNumber {

    private static final int PREFIX_DIGITS = 3;

    private final PhoneNumber number;
    private final int countryCallingCode;

    NormalizedPhoneNumber(int countryCallingCode, String e164) {
        try {
            this.number = PhoneNumber.of(e164);
        } catch (MalformedEncodingException e) {
            throw new IllegalArgumentException("not an E.164 number", e);
        }
        if (!e164.startsWith("+" + countryCallingCode)) {
            throw new IllegalArgumentException("not a number of country calling code " + countryCallingCode);
        }
        this.countryCallingCode = countryCallingCode;
    }

    /** The number in E.164 form, e.g. {@code +14155550100}. */
    public String e164() {
        return number.e164();
    }

    /** The same number as the protocol library's type, for certificates and wire messages. */
    public PhoneNumber asProtocolNumber() {
        return number;
    }

    /** The country calling code, e.g. {@code 1} or {@code 44}. */
    public int countryCallingCode() {
        return countryCallingCode;
    }

    /** The digits after the country calling code. */
    public String nationalSignificantNumber() {
        return e164().substring(1 + Integer.toString(countryCallingCode).length());
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
        return other instanceof NormalizedPhoneNumber normalized && normalized.number.equals(number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }

    @Override
    public String toString() {
        return e164();
    }
}
