package dev.tacit.server.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Rotation of the server's signing keys, one purpose at a time: exactly one key signs at any moment, what it
 * signed stays acceptable until its verification period ends, and each successor is created a week before it
 * takes over, so that every cluster member (each refreshes hourly) knows it before anything it signed
 * arrives. Private parts are stored sealed under the key-encryption key.
 *
 * <p>A purpose may instead have a key per time window ({@link #refreshWindows}): each key signs for exactly the
 * window it was made for, so a key's id alone tells which window it belongs to.
 */
@ApplicationScoped
public class RotatingKeys {

    static final Duration SUCCESSOR_LEAD_TIME = Duration.ofDays(7);

    @Inject
    RotatingKeyStore store;

    @Inject
    SecretSealer sealer;

    @Inject
    Clock clock;

    /** A newly generated key, before it is stored. {@code keyId} is 32 bytes; {@code privatePart} gets sealed. */
    public record NewKey(byte[] keyId, byte[] publicPart, byte[] privatePart) {
    }

    /** How long a key of a purpose signs, and for how long from its first day what it signed is accepted. */
    public record Lifetime(Duration signingPeriod, Duration verificationPeriod) {
        public Lifetime {
            if (signingPeriod.compareTo(SUCCESSOR_LEAD_TIME) <= 0 || verificationPeriod.compareTo(signingPeriod) < 0) {
                throw new IllegalArgumentException("a key must sign for more than a week and verify at least as long");
            }
        }
    }

    /** The keys of one purpose at one moment: the one that signs and all whose signatures are accepted. */
    public record Rotation(RotatingKeyRecord signing, List<RotatingKeyRecord> verifying) {
    }

    /**
     * Makes sure a key of {@code purpose} signs now and its successor exists in time, generating keys with
     * {@code generator} (given the moment the new key starts signing) as needed. Call in a transaction.
     */
    public Rotation refresh(String purpose, Lifetime lifetime, Function<Instant, NewKey> generator) {
        Instant now = clock.instant();
        store.lockForGeneration(purpose);
        List<RotatingKeyRecord> keys = new ArrayList<>(store.verifyingAt(purpose, now));
        Optional<Instant> successorStart = successorStart(keys, now);
        if (successorStart.isPresent()) {
            Instant signsFrom = successorStart.get();
            NewKey key = generator.apply(signsFrom);
            RotatingKeyRecord record = new RotatingKeyRecord(purpose, key.keyId(), key.publicPart(),
                    sealer.seal(sealedName(purpose, key.keyId()), key.privatePart()), now,
                    signsFrom, signsFrom.plus(lifetime.signingPeriod()), signsFrom.plus(lifetime.verificationPeriod()));
            store.add(record);
            keys.add(record);
        }
        RotatingKeyRecord signing = signingAt(keys, now)
                .orElseThrow(() -> new IllegalStateException("no " + purpose + " key signs now"));
        return new Rotation(signing, List.copyOf(keys));
    }

    /** A period one key signs in, exactly: {@code [start, end)}. */
    public record Window(Instant start, Instant end) {
        public Window {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("a window ends after it starts");
            }
        }
    }

    /** Makes the key of one window, given the window and the keys of the purpose that still verify. */
    @FunctionalInterface
    public interface WindowKeyGenerator {
        NewKey generate(Window window, List<RotatingKeyRecord> verifying);
    }

    /**
     * Makes sure a key of {@code purpose} exists for each of {@code windows}, generating keys with
     * {@code generator} as needed. Each key signs during exactly its window and verifies until {@code grace}
     * after its end. Call in a transaction.
     *
     * @return every key of {@code purpose} that still verifies now, by window, oldest first
     */
    public List<RotatingKeyRecord> refreshWindows(String purpose, List<Window> windows, Duration grace,
                                                  WindowKeyGenerator generator) {
        Instant now = clock.instant();
        store.lockForGeneration(purpose);
        List<RotatingKeyRecord> keys = new ArrayList<>(store.verifyingAt(purpose, now));
        for (Window window : windows) {
            if (keys.stream().noneMatch(key -> key.signsExactly(window.start(), window.end()))) {
                NewKey key = generator.generate(window, List.copyOf(keys));
                RotatingKeyRecord record = new RotatingKeyRecord(purpose, key.keyId(), key.publicPart(),
                        sealer.seal(sealedName(purpose, key.keyId()), key.privatePart()), now,
                        window.start(), window.end(), window.end().plus(grace));
                store.add(record);
                keys.add(record);
            }
        }
        keys.sort(Comparator.comparing(RotatingKeyRecord::signsFrom).thenComparing(RotatingKeyRecord::signsUntil));
        return List.copyOf(keys);
    }

    /**
     * When a new key must start signing, if one must be created at {@code now}: immediately when no key signs
     * now, at the end of the signing that runs without a break from now when that end is less than a week
     * away, else never. A key that starts signing only after a gap (one created while the clock was ahead)
     * does not count: the gap gets a key of its own.
     */
    static Optional<Instant> successorStart(List<RotatingKeyRecord> keys, Instant now) {
        Instant signingEnds = now;
        for (Optional<Instant> next = coveredUntil(keys, signingEnds); next.isPresent();
             next = coveredUntil(keys, signingEnds)) {
            signingEnds = next.get();
        }
        if (signingEnds.isAfter(now.plus(SUCCESSOR_LEAD_TIME))) {
            return Optional.empty();
        }
        return Optional.of(signingEnds);
    }

    /** The latest end of a signing period that contains {@code instant}, if one does. */
    private static Optional<Instant> coveredUntil(List<RotatingKeyRecord> keys, Instant instant) {
        return keys.stream().filter(key -> key.signsAt(instant)).map(RotatingKeyRecord::signsUntil)
                .max(Instant::compareTo);
    }

    /** The key that signs at {@code now}: the newest whose signing period contains it. */
    static Optional<RotatingKeyRecord> signingAt(List<RotatingKeyRecord> keysOldestFirst, Instant now) {
        return keysOldestFirst.stream().filter(key -> key.signsAt(now)).reduce((earlier, later) -> later);
    }

    /** The private part of a stored key, unsealed. */
    public byte[] openPrivatePart(RotatingKeyRecord key) {
        return sealer.open(sealedName(key.purpose(), key.keyId()), key.sealedPrivatePart());
    }

    private static String sealedName(String purpose, byte[] keyId) {
        return purpose + ":" + HexFormat.of().formatHex(keyId);
    }
}
