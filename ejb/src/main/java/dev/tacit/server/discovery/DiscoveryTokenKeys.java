package dev.tacit.server.discovery;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.token.DiscoveryWindow;
import dev.tacit.crypto.token.IssuerKeyPair;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenKeyId;
import dev.tacit.server.keys.RotatingKeyRecord;
import dev.tacit.server.keys.RotatingKeys;
import dev.tacit.server.settings.TacitSettings;

/**
 * The issuer keys of discovery tokens (docs/protocol.md §2.1.3): one RSA-2048 key per discovery window, made a
 * window ahead by {@link RotatingKeys#refreshWindows} and sealed like every server key. A key blind-signs only
 * in its own window and its tokens are accepted only from that window's start until {@link #GRACE} after its
 * end, so a token's {@code token_key_id} alone says that it is a discovery token and for which window: an
 * allowance cannot be signed as first-contact tokens (those have keys of their own, {@code TokenIssuerKeys}),
 * nor blinded for another window.
 */
@Singleton
@Startup
@DependsOn("KeyEncryptionKeyCheck") // the key-encryption key is confirmed before any key is opened
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the state is immutable and replaced whole
public class DiscoveryTokenKeys {

    /** The stored purpose of these keys in {@code rotating_key}. */
    static final String PURPOSE = "discovery-token-issuer";

    /** How long after its window ends a key's tokens are still accepted: look-ups sent as the window closes. */
    public static final Duration GRACE = Duration.ofMinutes(5);

    @Inject
    RotatingKeys rotatingKeys;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    private final SecureRandom random = new SecureRandom();
    private volatile State state;

    /**
     * The key of the window that contains now, which blind-signs this window's allowances. A member whose
     * last refresh did not make it yet (its clock jumped) refreshes first.
     */
    public SigningKey signingNow() {
        DiscoveryWindow window = DiscoveryWindow.containing(clock.instant(), windowLength());
        Optional<SigningKey> key = state.signing(window);
        if (key.isEmpty()) {
            context.getBusinessObject(DiscoveryTokenKeys.class).refresh();
            key = state.signing(window);
        }
        return key.orElseThrow(() -> new IllegalStateException("no discovery key signs in the window from "
                + window.start()));
    }

    /** The discovery key {@code keyId} names, if its tokens may still be accepted at some time from now on. */
    public Optional<WindowKey> find(TokenKeyId keyId) {
        return Optional.ofNullable(state.byId().get(keyId));
    }

    /** Every discovery key whose tokens are accepted now or later, by window, oldest first. */
    public List<WindowKey> published() {
        return state.keys();
    }

    /** The window length keys are made for now ({@code tacit.discovery.window}). */
    public Duration windowLength() {
        return settings.discovery().window();
    }

    @PostConstruct
    @Schedule(hour = "*", minute = "7", persistent = false)
    public void refresh() {
        String issuerName = settings.publicOrigin().authority();
        DiscoveryWindow current = DiscoveryWindow.containing(clock.instant(), windowLength());
        List<RotatingKeyRecord> records = rotatingKeys.refreshWindows(PURPOSE,
                List.of(period(current), period(current.next())), GRACE, this::generate);
        Map<TokenKeyId, WindowKey> byId = new HashMap<>();
        Map<TokenKeyId, IssuerKeyPair> signers = new HashMap<>();
        List<WindowKey> keys = records.stream().map(record -> windowKey(record, issuerName)).toList();
        for (int i = 0; i < keys.size(); i++) {
            WindowKey key = keys.get(i);
            byId.put(key.publicKey().keyId(), key);
            if (key.window().end().isAfter(current.start())) { // this window's and the next: only they sign again
                signers.put(key.publicKey().keyId(), openSigningKey(records.get(i)));
            }
        }
        state = new State(keys, Map.copyOf(byId), Map.copyOf(signers));
    }

    private static RotatingKeys.Window period(DiscoveryWindow window) {
        return new RotatingKeys.Window(window.start(), window.end());
    }

    /**
     * A fresh key whose truncated id (the id's last byte, all a TokenRequest names) differs from those of the
     * discovery keys that still verify (RFC 9578 §6.5): a request blinded for a neighbouring window's key is then
     * always told apart from one for the current window's.
     */
    private RotatingKeys.NewKey generate(RotatingKeys.Window window, List<RotatingKeyRecord> verifying) {
        Set<Integer> taken = new HashSet<>();
        verifying.forEach(record -> taken.add(record.keyId()[record.keyId().length - 1] & 0xff));
        IssuerKeyPair key = IssuerKeyPair.generate(random);
        while (taken.contains(key.publicKey().keyId().truncated())) {
            key = IssuerKeyPair.generate(random);
        }
        return new RotatingKeys.NewKey(key.publicKey().keyId().encode(), key.publicKey().encode(),
                key.encodePkcs8(InsecureSecretKeyAccess.get()));
    }

    private static WindowKey windowKey(RotatingKeyRecord record, String issuerName) {
        IssuerPublicKey publicKey;
        try {
            publicKey = IssuerPublicKey.decode(record.publicPart());
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored discovery key does not decode", e);
        }
        DiscoveryWindow window = new DiscoveryWindow(record.signsFrom(), Duration.between(record.signsFrom(),
                record.signsUntil()));
        return new WindowKey(publicKey, window, record.verifiesUntil(), window.challenge(issuerName));
    }

    private IssuerKeyPair openSigningKey(RotatingKeyRecord record) {
        try {
            return IssuerKeyPair.decodePkcs8(rotatingKeys.openPrivatePart(record));
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored discovery private key does not decode", e);
        }
    }

    /**
     * A discovery key and its window: it signs in the window, its tokens are accepted from the window's start
     * until {@code acceptedUntil} (the end plus {@link #GRACE}), and they must be for {@code challenge}, the
     * window's discovery challenge.
     */
    public record WindowKey(IssuerPublicKey publicKey, DiscoveryWindow window, Instant acceptedUntil,
                            TokenChallenge challenge) {

        /** Whether this key's tokens may be spent at {@code now}. */
        public boolean acceptsAt(Instant now) {
            return !now.isBefore(window.start()) && now.isBefore(acceptedUntil);
        }
    }

    /** The key that blind-signs in its window, with the window. */
    public record SigningKey(WindowKey window, IssuerKeyPair key) {

        @Override
        public String toString() {
            return "SigningKey[" + window.window() + ", " + key + "]";
        }
    }

    private record State(List<WindowKey> keys, Map<TokenKeyId, WindowKey> byId, Map<TokenKeyId, IssuerKeyPair> signers) {

        /** The key of exactly {@code window}, which is the window of the current length that contains now. */
        Optional<SigningKey> signing(DiscoveryWindow window) {
            return keys.stream()
                    .filter(key -> key.window().equals(window)
                            && signers.containsKey(key.publicKey().keyId()))
                    .findFirst()
                    .map(key -> new SigningKey(key, signers.get(key.publicKey().keyId())));
        }
    }
}
