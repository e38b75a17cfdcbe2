package dev.tacit.client.registration;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.CertificationRequest;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.KeyPurpose;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.SignedPreKey;
import dev.tacit.crypto.token.IssuerPublicKey;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.TokenChallenge;
import dev.tacit.crypto.token.TokenClient;

/**
 * Everything a new device generates before registering (docs/protocol.md §4.5): the identity key and its
 * certification request, the signed envelope key and ratchet pre-key, the account's BBS group, and five
 * blinded first-contact tokens. Holds private keys: keep it until registration succeeds; never printed.
 */
public final class AccountSetup {

    /** Members in a new account's group (the 2014 proposal suggests 200; more can be minted later). */
    public static final int DEFAULT_GROUP_MEMBERS = 200;
    /** The first-contact tokens a registration asks for: the server's fixed allowance. */
    public static final int REGISTRATION_TOKENS = 5;

    private static final long FIRST_KEY_ID = 1;

    private final PhoneNumber number;
    private final IdentityKeyPair identity;
    private final CertificationRequest certificationRequest;
    private final AgreementKeyPair envelopeKey;
    private final SignedPreKey signedEnvelopeKey;
    private final AgreementKeyPair preKey;
    private final SignedPreKey signedPreKey;
    private final GroupManagerKey group;
    private final List<PendingToken> pendingTokens;

    private AccountSetup(PhoneNumber number, IdentityKeyPair identity, AgreementKeyPair envelopeKey,
                         AgreementKeyPair preKey, GroupManagerKey group, List<PendingToken> pendingTokens) {
        this.number = number;
        this.identity = identity;
        this.certificationRequest = CertificationRequest.create(identity, number);
        this.envelopeKey = envelopeKey;
        this.signedEnvelopeKey = SignedPreKey.sign(identity, KeyPurpose.ENVELOPE_KEY, FIRST_KEY_ID, envelopeKey.publicKey());
        this.preKey = preKey;
        this.signedPreKey = SignedPreKey.sign(identity, KeyPurpose.RATCHET_PRE_KEY, FIRST_KEY_ID, preKey.publicKey());
        this.group = group;
        this.pendingTokens = List.copyOf(pendingTokens);
    }

    /**
     * Generates a new device's keys for {@code number}, with tokens blinded for {@code issuerKey} (the
     * server's current token-issuer key, §4.3) and {@code challenge}.
     */
    public static AccountSetup generate(PhoneNumber number, IssuerPublicKey issuerKey, TokenChallenge challenge,
                                        SecureRandom random) {
        return generate(number, issuerKey, challenge, GroupManagerKey.generate(DEFAULT_GROUP_MEMBERS), random);
    }

    /**
     * Generates a new device's keys as {@link #generate(PhoneNumber, IssuerPublicKey, TokenChallenge, SecureRandom)}
     * does, but keeps the account's {@code group}: a re-registration that keeps it keeps the credentials contacts
     * hold (docs/protocol.md §4.7).
     */
    public static AccountSetup generate(PhoneNumber number, IssuerPublicKey issuerKey, TokenChallenge challenge,
                                        GroupManagerKey group, SecureRandom random) {
        TokenClient tokens = new TokenClient(issuerKey, random);
        List<PendingToken> pending = new ArrayList<>(REGISTRATION_TOKENS);
        for (int i = 0; i < REGISTRATION_TOKENS; i++) {
            pending.add(tokens.blind(challenge));
        }
        return new AccountSetup(number, IdentityKeyPair.generate(random), AgreementKeyPair.generate(random),
                AgreementKeyPair.generate(random), Objects.requireNonNull(group, "group"), pending);
    }

    public PhoneNumber number() {
        return number;
    }

    public IdentityKeyPair identity() {
        return identity;
    }

    public CertificationRequest certificationRequest() {
        return certificationRequest;
    }

    public AgreementKeyPair envelopeKey() {
        return envelopeKey;
    }

    public SignedPreKey signedEnvelopeKey() {
        return signedEnvelopeKey;
    }

    public AgreementKeyPair preKey() {
        return preKey;
    }

    public SignedPreKey signedPreKey() {
        return signedPreKey;
    }

    public GroupManagerKey group() {
        return group;
    }

    public List<PendingToken> pendingTokens() {
        return pendingTokens;
    }

    @Override
    public String toString() {
        return "AccountSetup[" + number + "]";
    }
}
