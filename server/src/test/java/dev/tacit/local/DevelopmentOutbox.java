package dev.tacit.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The development SMS gateway's outbox of a launcher run: where a local run's codes are "texted" (README). */
final class DevelopmentOutbox {

    private static final Pattern CODE = Pattern.compile("Your Tacit code: ([0-9]{6})");

    private DevelopmentOutbox() {
    }

    /** The code last texted to {@code number} (E.164) by the server of the run in {@code run}. */
    static String code(Path run, String number) {
        Path message = run.resolve("standalone/data/tacit/sms-outbox/" + number + ".txt");
        try {
            Matcher code = CODE.matcher(Files.readString(message, StandardCharsets.UTF_8).strip());
            if (!code.matches()) {
                throw new AssertionError("not a code message: " + message);
            }
            return code.group(1);
        } catch (IOException e) {
            throw new AssertionError("no message in the development outbox: " + message, e);
        }
    }
}
