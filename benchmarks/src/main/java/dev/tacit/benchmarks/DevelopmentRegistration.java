package dev.tacit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.registration.SentCode;
import dev.tacit.client.registration.VerificationToken;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;

/**
 * Registers numbers on a server in development mode for the load drivers, as a client would, reading each
 * verification code from the development SMS gateway's outbox ({@code <outbox>/<E.164 number>.txt}).
 */
final class DevelopmentRegistration {

    private static final Pattern CODE = Pattern.compile("Your Tacit code: ([0-9]{6})");

    private final RegistrationClient client;
    private final Path outbox;
    private final SecureRandom random;

    DevelopmentRegistration(RegistrationClient client, Path outbox, SecureRandom random) {
        this.client = client;
        this.outbox = outbox;
        this.random = random;
    }

    /** The server's newest CA, pinned. */
    PinnedCaVerifier pinnedCa() throws Exception {
        List<CaCertificate> cas = client.caCertificates();
        return new PinnedCaVerifier(cas.get(cas.size() - 1));
    }

    /** Verifies and registers {@code number} with fresh keys. */
    RegisteredAccount register(PhoneNumber number) throws Exception {
        Path message = outbox.resolve(number.e164() + ".txt");
        Files.deleteIfExists(message);
        SentCode sent = client.requestCode(number.e164());
        VerificationToken token = client.confirm(sent, code(message));
        return client.register(token, AccountSetup.generate(number, client.currentIssuerKey(Instant.now()),
                client.server().firstContactChallenge(), random), pinnedCa(), Instant.now());
    }

    private static String code(Path message) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(message)) {
                Matcher matcher = CODE.matcher(Files.readString(message).strip());
                if (matcher.matches()) {
                    return matcher.group(1);
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no code in " + message + "; is the server in development mode with this outbox?");
    }
}
