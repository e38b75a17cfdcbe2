package dev.tacit.server.wakeup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.keys.ServerSecrets;

/**
 * The opaque key that names a mailbox in wake-up notifications (docs/protocol.md §4.20): HMAC-SHA-256 of the
 * account's E.164 number under a server secret, truncated to 16 bytes, base64url. The same on every node (the
 * secret is in PostgreSQL); without the secret, a key says nothing about the number, so a notification carries
 * no phone number to whoever can watch the database's notification traffic.
 */
@ApplicationScoped
public class MailboxKeys {

    static final String SECRET_NAME = "mailbox-wake-up-key";
    static final int SECRET_BYTES = 32;
    static final int KEY_BYTES = 16;

    @Inject
    ServerSecrets secrets;

    private SecretKeySpec key;

    /**
     * Reads (or, on a new installation, creates) the secret at deployment: never inside a send's transaction, where
     * storing it would need a second pooled connection while concurrent sends hold the others waiting on this one.
     */
    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        // Observing is enough: the container creates this bean, running open(), to deliver the event.
    }

    @PostConstruct
    void open() {
        byte[] secret = secrets.getOrCreate(SECRET_NAME, SECRET_BYTES);
        key = new SecretKeySpec(secret, "HmacSHA256");
        Arrays.fill(secret, (byte) 0);
    }

    /** The key of {@code account}'s mailbox. */
    public String of(String account) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64Url.encode(Arrays.copyOf(mac.doFinal(account.getBytes(StandardCharsets.US_ASCII)), KEY_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HMAC-SHA-256", e);
        }
    }
}
