package dev.tacit.server.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** Six decimal digits sent to a phone number. Compared in constant time; never shown by {@link #toString()}. */
public final class VerificationCode {

    static final int DIGITS = 6;
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{" + DIGITS + "}");

    private final String digits;

    private VerificationCode(String digits) {
        this.digits = digits;
    }

    /** @throws WrongVerificationCodeException unless the input is exactly six ASCII digits */
    public static VerificationCode of(String digits) {
        if (digits == null || !SIX_DIGITS.matcher(digits).matches()) {
            throw new WrongVerificationCodeException();
        }
        return new VerificationCode(digits);
    }

    /** The digits, for the text message that carries them. */
    public String digits() {
        return digits;
    }

    /** Constant-time comparison, so that timing does not reveal how many leading digits were right. */
    boolean matches(VerificationCode other) {
        return MessageDigest.isEqual(digits.getBytes(StandardCharsets.US_ASCII),
                other.digits.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "VerificationCode[******]";
    }
}
