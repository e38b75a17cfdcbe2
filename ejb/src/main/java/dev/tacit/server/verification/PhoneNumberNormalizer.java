package dev.tacit.server.verification;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Turns what a client sends into a valid {@link NormalizedPhoneNumber}, with Google's libphonenumber. Input must be in
 * international format, starting with {@code +}; spaces, dashes, dots and parentheses are allowed
 * ({@code +1 (415) 555-0100}). No region is assumed: a server serving the world cannot guess one. Numbers
 * that libphonenumber does not consider valid (wrong length, unassigned ranges) are refused.
 */
@ApplicationScoped
public class PhoneNumberNormalizer {

    /** Far longer than any formatted phone number; bounds the work done on hostile input. */
    static final int MAX_INPUT_LENGTH = 40;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /** @throws InvalidPhoneNumberException unless the input is a valid number in international format */
    public NormalizedPhoneNumber normalize(String input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH || !input.strip().startsWith("+")) {
            throw new InvalidPhoneNumberException("a phone number in international format, starting with +, is required");
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(input.strip(), "ZZ");
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("the phone number could not be read");
        }
        if (parsed.hasExtension() || !util.isValidNumber(parsed)) {
            throw new InvalidPhoneNumberException("the phone number is not a valid number");
        }
        return new NormalizedPhoneNumber(parsed.getCountryCode(), util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
    }
}
