package dev.tacit.arquillian;

import java.util.ArrayList;
import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Phone numbers for one test, all in a send prefix no other test of the suite has had. The server limits
 * texts per number and per prefix ({@code +1} and the area code) per send period, and those counters live as
 * long as the server, across test classes: with a prefix of its own, no other test's sends decide whether a
 * test gets a 429. The numbers are the fictional {@code 555-01xx} lines of a valid area code.
 *
 * <p>Hold one in an instance field, {@code private final TestNumbers numbers = TestNumbers.freshPrefix();}:
 * JUnit makes a new test instance for every test method.
 */
public final class TestNumbers {

    private static final List<String> AREA_CODES = validAreaCodes();
    private static int areaCodesHandedOut;

    private final String areaCode;
    private int nextLine = 100;

    private TestNumbers(String areaCode) {
        this.areaCode = areaCode;
    }

    /** Numbers in a prefix nobody else in this suite uses. */
    public static synchronized TestNumbers freshPrefix() {
        if (areaCodesHandedOut == AREA_CODES.size()) {
            throw new IllegalStateException("all " + AREA_CODES.size() + " test prefixes are taken");
        }
        return new TestNumbers(AREA_CODES.get(areaCodesHandedOut++));
    }

    /** The send prefix, e.g. {@code +1201}. */
    public String prefix() {
        return "+1" + areaCode;
    }

    /** A number of this prefix not handed out before, in E.164, e.g. {@code +12015550100}. */
    public synchronized String next() {
        if (nextLine > 199) {
            throw new IllegalStateException("a test has used all 100 numbers of its prefix " + prefix());
        }
        return prefix() + "5550" + nextLine++;
    }

    /** The same number as a person might type it: {@code +1 (201) 555-0100}. */
    public static String typed(String e164) {
        return "+1 (" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
    }

    /** The area codes whose 555-0100 to 555-0199 libphonenumber (so the server) takes as valid numbers. */
    private static List<String> validAreaCodes() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String failing = SmsProviderStub.FAILING_NUMBER.substring(2, 5); // its prefix stays out of the way
        List<String> codes = new ArrayList<>();
        for (int area = 200; area <= 999; area++) {
            String code = Integer.toString(area);
            if (!code.equals(failing) && valid(util, "+1" + code + "5550100") && valid(util, "+1" + code + "5550199")) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    private static boolean valid(PhoneNumberUtil util, String number) {
        try {
            return util.isValidNumber(util.parse(number, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
