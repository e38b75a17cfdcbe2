package dev.tacit.arquillian;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

import dev.tacit.client.TacitClient;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.state.Argon2idParameters;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.LoopbackSocksProxy;
import dev.tacit.crypto.identity.PhoneNumber;

/**
 * Users of {@link TacitClient}, each with a state directory of their own below one folder, registered against the
 * server under test; each operation opens the user's state anew and closes it, as separate runs of a program would.
 * Clients follow the server's clock, release at once when a release is sent, and draw release (and redemption) times
 * within the window given.
 */
public final class ClientStates {

    private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);

    private final Path folder;
    private final char[] passphrase;
    private final Duration releaseWindow;
    private final SecureRandom random = new SecureRandom();

    public ClientStates(Path folder, String passphrase, Duration releaseWindow) {
        this.folder = folder;
        this.passphrase = passphrase.toCharArray();
        this.releaseWindow = releaseWindow;
    }

    /** One operation of a client of the server under test. */
    @FunctionalInterface
    public interface Operation<T> {
        T run(TacitClient client) throws Exception;
    }

    /** Registers {@code number} for {@code user} in a new state directory, with the code the SMS stub received. */
    public PhoneNumber register(String user, String number) throws Exception {
        try (StateDirectory state = StateDirectory.create(folder.resolve(user), passphrase, CHEAP, random);
             TacitClient client = TacitClient.builder(state).server(URI.create("http://localhost:" + TestPorts.http()))
                     .clock(ServerClock.clock()).random(random).build()) {
            client.requestCode(PhoneNumber.of(number));
            client.register(SmsProviderStub.latestCodeFor(number).orElseThrow());
        }
        return PhoneNumber.of(number);
    }

    /** One operation by {@code user}, anonymous ones through {@code proxy}. */
    public <T> T as(String user, LoopbackSocksProxy proxy, Operation<T> operation) throws Exception {
        try (StateDirectory state = open(user);
             TacitClient client = TacitClient.builder(state).proxy(proxy.address()).clock(ServerClock.clock())
                     .random(random).releaseWindow(releaseWindow).releaseTime(MailboxClient.ReleaseTime.NOW).build()) {
            return operation.run(client);
        }
    }

    /** {@code user}'s state directory, opened; the caller closes it. */
    public StateDirectory open(String user) throws Exception {
        return StateDirectory.open(folder.resolve(user), passphrase, random);
    }
}
