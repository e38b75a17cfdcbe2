package dev.tacit.server.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tacit.server.limits.AbuseCounterStore;
import dev.tacit.server.limits.Allowance;
import dev.tacit.server.limits.AllowanceSpentException;
import dev.tacit.server.limits.Allowances;
import dev.tacit.server.settings.TacitSettings;

/**
 * The abuse limits around phone verification (docs/protocol.md §4.5, §4.6), counted in PostgreSQL
 * ({@link AbuseCounterStore}): texts per number per send period and per day, per
 * {@linkplain NormalizedPhoneNumber#sendPrefix() prefix} and overall per send period; wrong codes per send.
 * Every guess needs a send, so the send limits bound guessing per number, per prefix and overall too, while
 * a guess is charged only to the send whose proof it presents: nobody spends the guesses of another's send.
 * The verification itself stays stateless: these counters only refuse, they never decide a code is right.
 */
@ApplicationScoped
public class VerificationLimits {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    AbuseCounterStore counters;

    @Inject
    Allowances allowances;

    @Inject
    TacitSettings settings;

    /**
     * Counts a text to {@code number} against all four send limits, or against none if one is spent.
     *
     * @throws RateLimitedException if one is spent, with the time until its window ends
     */
    public void countSend(NormalizedPhoneNumber number, Instant now) {
        TacitSettings.Verification verification = settings.verification();
        // The shared allowances (prefix, overall) come last, in one order for every number: see useAll.
        use(List.of(
                allowances.inFixedWindow("sends-per-number", number.e164(), verification.sendsPerNumber(),
                        verification.sendPeriod(), now),
                allowances.inFixedWindow("sends-per-number-per-day", number.e164(), verification.sendsPerNumberPerDay(),
                        DAY, now),
                allowances.inFixedWindow("sends-per-prefix", number.sendPrefix(), verification.sendsPerPrefix(),
                        verification.sendPeriod(), now),
                allowances.inFixedWindow("sends-overall", "", verification.sendsOverall(),
                        verification.sendPeriod(), now)),
                now);
    }

    /**
     * Reserves one wrong code of {@code send}'s allowance before its code is checked, so that parallel guesses
     * cannot overrun it; the allowance lasts as long as the send's proof.
     *
     * @return the reservation, to {@linkplain #release release} if the code turns out right
     * @throws RateLimitedException if the send's wrong codes are spent
     */
    Allowance reserveAttempt(NumberClaim send, Instant now) {
        TacitSettings.Verification verification = settings.verification();
        Allowance attempts = allowances.forWindow("wrong-codes-per-send", send.nonce().encoded(),
                verification.wrongCodesPerSend(), send.instant(), send.instant().plus(verification.codeValidity()));
        use(List.of(attempts), now);
        return attempts;
    }

    /** Gives back an attempt reserved for a code that turned out right: only wrong codes count. */
    void release(Allowance attempt) {
        counters.giveBack(attempt);
    }

    private void use(List<Allowance> wanted, Instant now) {
        try {
            counters.useAll(wanted);
        } catch (AllowanceSpentException e) {
            throw new RateLimitedException("a verification limit is spent", e.allowance().remainingAfter(now));
        }
    }
}
