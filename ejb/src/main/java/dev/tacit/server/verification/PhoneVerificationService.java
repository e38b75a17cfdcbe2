package dev.tacit.server.verification;

import java.time.Clock;
import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import dev.tacit.server.limits.Allowance;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.sms.SmsGateway;

/**
 * Proves that a client controls a phone number without storing anything about the proof (docs/protocol.md
 * §4.5, §4.6): a send answers an authenticated send proof and texts the code derived from it, so confirming
 * needs nothing but the server secrets and the proof the client brings back; the proof handed back then is a
 * MAC'd token whose nonce its consumer makes single-use. Only the abuse counters of
 * {@link VerificationLimits} are kept.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // the counters commit on their own; joins a caller's transaction
public class PhoneVerificationService {

    @Inject
    PhoneNumberNormalizer normalizer;

    @Inject
    VerificationKeys keys;

    @Inject
    VerificationLimits limits;

    @Inject
    TacitSettings settings;

    @Inject
    SmsGateway sms;

    @Inject
    Clock clock;

    /**
     * Counts a send against the limits, then texts the number the code of a new send and answers its proof.
     *
     * @throws InvalidPhoneNumberException                unless {@code number} is a valid international number
     * @throws RateLimitedException                       if a send limit (number, prefix, overall) is spent
     * @throws dev.tacit.server.sms.SmsDeliveryException if the SMS provider fails
     */
    public IssuedSendProof requestCode(String number) {
        NormalizedPhoneNumber phone = normalizer.normalize(number);
        Instant now = clock.instant();
        limits.countSend(phone, now);
        NumberClaimCodec.Issued send = keys.sends().issue(phone, now);
        VerificationCode code = keys.codes().codeFor(send.claim());
        sms.send(phone.e164(), "Your Tacit code: " + code.digits());
        return new IssuedSendProof(send.text(), send.claim().instant().plus(settings.verification().codeValidity()));
    }

    /**
     * Checks {@code code} against the send {@code sendProof} stands for and, if it matches, issues a
     * verification token. A wrong code is charged to that send alone.
     *
     * @throws InvalidPhoneNumberException     unless {@code number} is a valid international number
     * @throws WrongVerificationCodeException if the code is not six digits, or not the send's code
     * @throws InvalidSendProofException       unless the proof is authentic and for {@code number}
     * @throws ExpiredSendProofException       if the code validity has passed since the send
     * @throws RateLimitedException            if the send's wrong codes are spent
     */
    public IssuedVerificationToken confirm(String number, String code, String sendProof) {
        NormalizedPhoneNumber phone = normalizer.normalize(number);
        VerificationCode claimed = VerificationCode.of(code);
        Instant now = clock.instant();
        NumberClaim send = keys.sends().check(sendProof, phone, now, settings.verification().codeValidity());
        Allowance attempt = limits.reserveAttempt(send, now);
        if (!keys.codes().accepts(send, claimed)) {
            throw new WrongVerificationCodeException();
        }
        limits.release(attempt);
        return keys.tokens().issue(phone, now.plus(settings.verification().tokenValidity()));
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
