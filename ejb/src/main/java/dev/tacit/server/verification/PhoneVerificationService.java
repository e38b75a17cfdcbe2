package dev.tacit.server.verification;

import java.time.Clock;
import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import dev.tacit.server.sms.SmsGateway;
import dev.tacit.server.time.TimeWindow;

/**
 * Proves that a client controls a phone number without storing anything about the proof: the code texted to
 * a number is a keyed function of the number and the time window, so confirming it needs nothing but the
 * server secret; the proof handed back is a MAC'd token whose nonce its consumer makes single-use. Only the
 * abuse counters of {@link VerificationLimits} are kept, in bounded expiring caches.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // nothing transactional; joins a caller's transaction
public class PhoneVerificationService {

    @Inject
    PhoneNumberNormalizer normalizer;

    @Inject
    VerificationKeys keys;

    @Inject
    VerificationLimits limits;

    @Inject
    VerificationSettings settings;

    @Inject
    SmsGateway sms;

    @Inject
    Clock clock;

    /**
     * Texts the number its code for the current window.
     *
     * @throws InvalidPhoneNumberException                unless {@code number} is a valid international number
     * @throws RateLimitedException                       if the number's or its prefix's send limit is spent
     * @throws dev.tacit.server.sms.SmsDeliveryException if the SMS provider fails
     */
    public void requestCode(String number) {
        NormalizedPhoneNumber phone = normalizer.normalize(number);
        Instant now = clock.instant();
        limits.countSend(phone, now);
        VerificationCode code = keys.codes().codeFor(phone, TimeWindow.containing(now, settings.window()));
        sms.send(phone.e164(), "Your Tacit code: " + code.digits());
    }

    /**
     * Checks the code for the number against the current and the previous window and, if it matches, issues
     * a verification token.
     *
     * @throws InvalidPhoneNumberException     unless {@code number} is a valid international number
     * @throws RateLimitedException            if the number's wrong codes for this window are spent
     * @throws WrongVerificationCodeException if the code is wrong or older than the previous window
     */
    public IssuedVerificationToken confirm(String number, String code) {
        NormalizedPhoneNumber phone = normalizer.normalize(number);
        VerificationCode claimed = VerificationCode.of(code);
        Instant now = clock.instant();
        limits.reserveAttempt(phone, now);
        if (!keys.codes().accepts(phone, claimed, TimeWindow.containing(now, settings.window()))) {
            throw new WrongVerificationCodeException();
        }
        limits.releaseAttempt(phone, now);
        return keys.tokens().issue(phone, now.plus(settings.tokenValidity()));
    }

    /**
     * Checks a verification token: its MAC in constant time, then its expiry. Does not make it single-use:
     * the caller records {@link VerifiedPhoneNumber#nonce()} and refuses a nonce it has seen.
     *
     * @throws InvalidVerificationTokenException unless this server issued the token
     * @throws ExpiredVerificationTokenException if its validity has ended
     */
    public VerifiedPhoneNumber checkToken(String token) {
        return keys.tokens().check(token, clock.instant());
    }
}
