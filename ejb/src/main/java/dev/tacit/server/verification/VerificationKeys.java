package dev.tacit.server.verification;

import java.security.SecureRandom;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The two keyed functions of phone verification, each under its own server secret: the code secret and the
 * token secret, so that neither output can stand in for the other.
 */
@ApplicationScoped
public class VerificationKeys {

    static final String CODE_SECRET = "phone-verification-code";
    static final String TOKEN_SECRET = "phone-verification-token";
    private static final int SECRET_LENGTH = 32;

    @Inject
    VerificationSecrets secrets;

    @Inject
    PhoneNumberNormalizer normalizer;

    private VerificationCodes codes;
    private VerificationTokenCodec tokens;

    @PostConstruct
    void load() {
        codes = new VerificationCodes(secrets.getOrCreate(CODE_SECRET, SECRET_LENGTH));
        tokens = new VerificationTokenCodec(secrets.getOrCreate(TOKEN_SECRET, SECRET_LENGTH), normalizer,
                new SecureRandom());
    }

    VerificationCodes codes() {
        return codes;
    }

    VerificationTokenCodec tokens() {
        return tokens;
    }
}
