package dev.tacit.server.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

import dev.tacit.crypto.identity.PhoneNumber;

/**
 * Sends nothing: writes each message to {@code <outbox>/<E.164 number>.txt}, replacing the number's previous
 * message, for a developer to read there. For development mode only (production mode refuses it). Like the
 * real gateway it never logs a number or a code: only that the outbox has a new message.
 */
public final class DevelopmentSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(DevelopmentSmsGateway.class.getName());

    private final Path outbox;

    public DevelopmentSmsGateway(Path outbox) {
        this.outbox = outbox;
    }

    /** The file the latest message to {@code e164Number} is written to. */
    public Path fileFor(String e164Number) {
        if (!PhoneNumber.isE164(e164Number)) {
            throw new IllegalArgumentException("not an E.164 number");
        }
        return outbox.resolve(e164Number + ".txt");
    }

    @Override
    public void send(String e164Number, String text) {
        Path file = fileFor(e164Number);
        try {
            Files.createDirectories(outbox);
            Path partial = Files.createTempFile(outbox, "sms-", ".partial");
            Files.writeString(partial, text + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SmsDeliveryException("the development SMS outbox is not writable: " + e, e);
        }
        LOG.info(() -> "Development SMS gateway: a message was written to the outbox " + outbox);
    }
}
