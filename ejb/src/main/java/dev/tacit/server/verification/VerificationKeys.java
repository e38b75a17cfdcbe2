package dev.tacit.server.verification;

import java.security.SecureRandom;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.tacit.server.keys.ServerSecrets;

/**
 * The three keyed functions of phone verification, each under its own server secret (random, stored sealed
 * in the database, the same on every cluster member): the send secret (send proofs), the code secret (the code
 * of each send) and the token secret (verification tokens), so that no output can stand in for another.
 */
@ApplicationScoped
public class VerificationKeys {

    static final String CODE_SECRET = "phone-verification-code";
    static final String TOKEN_SECRET = "phone-verification-token";
    static final String SEND_SECRET = "phone-verification-send";
    private static final int SECRET_LENGTH = 32;

    @Inject
    ServerSecrets secrets;

    @Inject
    PhoneNumberNormalizer normalizer;

    private SendProofCodec sends;
    private VerificationCodes codes;
    private VerificationTokenCodec tokens;

    @PostConstruct
    void load() {
        sends = new SendProofCodec(secrets.getOrCreate(SEND_SECRET, SECRET_LENGTH), normalizer, new SecureRandom());
        codes = new VerificationCodes(secrets.getOrCreate(CODE_SECRET, SECRET_LENGTH));
        tokens = new VerificationTokenCodec(secrets.getOrCreate(TOKEN_SECRET, SECRET_LENGTH), normalizer,
                new SecureRandom());
    }

    /** Reads (or, on a new installation, creates) the secrets at deployment rather than on a first request. */
    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        // Observing is enough: the container creates this bean, running load(), to deliver the event.
    }

    SendProofCodec sends() {
        return sends;
    }

    VerificationCodes codes() {
        return codes;
    }

    VerificationTokenCodec tokens() {
        return tokens;
    }
}
