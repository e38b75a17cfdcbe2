package dev.tacit.server.limits;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tacit.server.keys.ServerSecrets;
import dev.tacit.server.time.TimeWindow;

/**
 * Makes {@link Allowance}s, naming each subject by HMAC-SHA256(counter secret, name || 0x00 || subject) under
 * a server secret: the counters hold no phone number, and nobody without the secret can tell whose a counter is.
 */
@ApplicationScoped
public class Allowances {

    static final String SUBJECT_SECRET = "abuse-counter-subject";

    @Inject
    ServerSecrets secrets;

    private byte[] secret;

    @PostConstruct
    void load() {
        secret = secrets.getOrCreate(SUBJECT_SECRET, Allowance.SUBJECT_LENGTH);
    }

    /**
     * The allowance {@code name} of {@code subject} in the fixed window of length {@code period} (counted from the
     * Unix epoch) that contains {@code now}.
     */
    public Allowance inFixedWindow(String name, String subject, int limit, Duration period, Instant now) {
        TimeWindow window = TimeWindow.containing(now, period);
        return new Allowance(subject(name, subject), window.start(), window.end(), limit);
    }

    /** The allowance {@code name} of {@code subject} for the one window {@code [start, end)}. */
    public Allowance forWindow(String name, String subject, int limit, Instant start, Instant end) {
        return new Allowance(subject(name, subject), start, end, limit);
    }

    /** The keyed hash that stands for {@code subject} in the counters of the allowance {@code name}. */
    byte[] subject(String name, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // in no name: keeps (name, subject) unambiguous
            return mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform supports HmacSHA256", e);
        }
    }
}
