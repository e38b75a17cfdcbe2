package dev.tacit.server.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.group.GroupPublicKey;
import dev.tacit.crypto.identity.CertificationRequest;
import dev.tacit.crypto.identity.IdentityCertificate;
import dev.tacit.crypto.identity.IdentityPublicKey;
import dev.tacit.crypto.identity.KeyPurpose;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.SignedPreKey;
import dev.tacit.crypto.token.IssuerKeyPair;
import dev.tacit.crypto.token.TokenRequest;
import dev.tacit.crypto.token.TokenResponse;
import dev.tacit.http.signature.RequestVerificationKey;
import dev.tacit.server.identity.CertificateAuthorityKeys;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.tokens.TokenIssuerKeys;
import dev.tacit.server.verification.PhoneVerificationService;
import dev.tacit.server.verification.VerifiedPhoneNumber;

/**
 * Registration (docs/protocol.md §4.7): one transaction that checks every part of the request before
 * writing anything, then stores the account and issues its certificate and, once per number ever, its five
 * first-contact tokens. An active account is locked: only a request signed by its identity key re-registers
 * it, until it has been inactive for the lock period.
 */
@Stateless
public class AccountService {

    private static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofHours(1);
    /** Activity is recorded at most this often per account, so signed traffic does not write on every request. */
    static final Duration ACTIVITY_GRANULARITY = Duration.ofDays(1);

    @Inject
    PhoneVerificationService verification;

    @Inject
    CertificateAuthorityKeys certificateAuthority;

    @Inject
    TokenIssuerKeys tokenIssuer;

    @Inject
    AccountStore accounts;

    @Inject
    GroupKeyStore groupKeys;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    /**
     * Registers the number a verification token proves: a new account, or a new device for an account that
     * is not locked.
     *
     * @throws RegistrationLockedException if the number's account was active within the lock period
     */
    public RegistrationResult register(Registration registration) {
        if (registration.verificationToken() == null) {
            throw new InvalidAccountRequestException("verificationToken",
                    "a registration not signed by the account's identity key needs a verification token");
        }
        VerifiedPhoneNumber verified = verification.checkToken(registration.verificationToken());
        PhoneNumber number = verified.number().asProtocolNumber();
        CheckedRegistration checked = check(registration, number);

        if (!accounts.markVerificationUsed(verified.nonce().bytes(), verified.expiresAt())) {
            throw new VerificationAlreadyUsedException();
        }
        Instant now = clock.instant();
        IdentityCertificate certificate = issueCertificate(checked.request(), number, now);
        PublishedKeys published = checked.published(certificate);
        AccountStore.LockedAccount locked = accounts.lockOrCreate(number.e164(), published, now);
        Account account = locked.account();
        if (locked.created()) {
            groupKeys.start(account.number(), published.groupPublicKey());
        } else {
            Instant lockedUntil = account.lockedUntil(settings.registration().lockPeriod());
            if (now.isBefore(lockedUntil)) {
                throw new RegistrationLockedException(lockedUntil);
            }
            startChainIfReplaced(account, published.groupPublicKey());
            account.installKeys(published, now); // a new device for a number whose account has lapsed
        }
        return issueTokens(account, checked, certificate, locked.created());
    }

    /**
     * Re-registers the account {@code number} for a new device, in a request its current identity key signed
     * (authenticated as in §5): the key is the proof, so no verification token is needed and the lock does
     * not apply.
     */
    public RegistrationResult reRegisterSigned(String number, Registration registration) {
        if (registration.verificationToken() != null) {
            throw new InvalidAccountRequestException("verificationToken",
                    "a registration signed by the account's identity key carries no verification token");
        }
        Account account = accounts.lock(number);
        PhoneNumber phoneNumber = phoneNumberOf(account);
        CheckedRegistration checked = check(registration, phoneNumber);
        Instant now = clock.instant();
        IdentityCertificate certificate = issueCertificate(checked.request(), phoneNumber, now);
        PublishedKeys published = checked.published(certificate);
        startChainIfReplaced(account, published.groupPublicKey());
        account.installKeys(published, now);
        return issueTokens(account, checked, certificate, false);
    }

    /**
     * Records that the account {@code number} made an authenticated request now, for its registration lock;
     * writes at most once a day per account.
     */
    public void recordActivity(String number) {
        accounts.recordActivity(number, clock.instant(), ACTIVITY_GRANULARITY);
    }

    /** Blind-signs as many token requests, in order, as the account has left of its allowance. */
    private static RegistrationResult issueTokens(Account account, CheckedRegistration checked,
                                                  IdentityCertificate certificate, boolean created) {
        int granted = Math.min(account.tokensRemaining(), checked.tokenRequests().size());
        List<TokenResponse> responses = new ArrayList<>(granted);
        for (TokenRequest request : checked.tokenRequests().subList(0, granted)) {
            responses.add(blindSign(checked.issuerKey(), request));
        }
        account.recordTokensIssued(granted);
        return new RegistrationResult(certificate, responses, created);
    }

    /**
     * The key that checks the request signatures of the account {@code number}, if it is registered: its
     * identity key as validated at registration, read without decoding or validating it again, so that a
     * request for a registered number costs what one for an unregistered number costs (docs/protocol.md §5.3).
     */
    public Optional<RequestVerificationKey> requestVerificationKey(String number) {
        return accounts.identityKeyEncoding(number).map(RequestVerificationKey::ofValidatedEncoding);
    }

    /** The account's own view of itself. */
    public Account ownAccount(String number) {
        return accounts.find(number).orElseThrow(() -> new IllegalStateException("no account has the given number"));
    }

    /** Replaces the account's ratchet pre-key (§3.3), which must be signed by its identity key. */
    public void replacePreKey(String number, byte[] encoded) {
        Account account = accounts.lock(number);
        SignedPreKey preKey = signedKey("preKey", encoded, identityKeyOf(account), KeyPurpose.RATCHET_PRE_KEY);
        account.replacePreKey(preKey.toBytes(), clock.instant());
    }

    /**
     * Replaces the account's BBS group public key (§2.2, §4.9): unless it is the current key, a new chain starts
     * (§4.29) and contacts' old member credentials stop working.
     */
    public void replaceGroupPublicKey(String number, byte[] encoded) {
        Account account = accounts.lock(number);
        byte[] key = groupPublicKey(encoded).toBytes();
        startChainIfReplaced(account, key);
        account.replaceGroupPublicKey(key, clock.instant());
    }

    /**
     * Starts a new chain of group keys (§4.29) if {@code key} is not the account's current one: a registration that
     * keeps the group (the client uploads the key it has) keeps the chain, and contacts' credentials with it.
     */
    private void startChainIfReplaced(Account account, byte[] key) {
        if (!java.util.Arrays.equals(account.groupPublicKey(), key)) {
            groupKeys.start(account.number(), key);
        }
    }

    private static PhoneNumber phoneNumberOf(Account account) {
        try {
            return PhoneNumber.of(account.number());
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored number is not E.164", e);
        }
    }

    private static IdentityPublicKey identityKeyOf(Account account) {
        try {
            return IdentityPublicKey.fromBytes(account.identityKey());
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("a stored identity key does not decode", e);
        }
    }

    /** Decodes and checks the certificate request, the keys it vouches for and the token requests. */
    private CheckedRegistration check(Registration registration, PhoneNumber number) {
        CertificationRequest request;
        try {
            request = CertificationRequest.fromBytes(registration.certificationRequest());
        } catch (CryptoException e) {
            throw new InvalidAccountRequestException("certificationRequest", e.getMessage());
        }
        if (!request.requestedNumber().equals(number)) {
            throw new InvalidAccountRequestException("certificationRequest",
                    "the request names another number than the one registering");
        }
        SignedPreKey envelopeKey = signedKey("envelopeKey", registration.envelopeKey(), request.identityKey(),
                KeyPurpose.ENVELOPE_KEY);
        SignedPreKey preKey = signedKey("preKey", registration.preKey(), request.identityKey(), KeyPurpose.RATCHET_PRE_KEY);
        GroupPublicKey group = groupPublicKey(registration.groupPublicKey());
        IssuerKeyPair issuerKey = tokenIssuer.signingKey();
        return new CheckedRegistration(request, envelopeKey, preKey, group, issuerKey,
                decodeTokenRequests(registration.tokenRequests(), issuerKey));
    }

    private static GroupPublicKey groupPublicKey(byte[] encoded) {
        try {
            return GroupPublicKey.fromBytes(encoded);
        } catch (MalformedEncodingException e) {
            throw new InvalidAccountRequestException("groupPublicKey", e.getMessage());
        }
    }

    private static SignedPreKey signedKey(String field, byte[] encoded, IdentityPublicKey owner, KeyPurpose purpose) {
        try {
            SignedPreKey key = SignedPreKey.fromBytes(encoded);
            key.verify(owner, purpose);
            return key;
        } catch (MalformedEncodingException | VerificationFailedException e) {
            throw new InvalidAccountRequestException(field, e.getMessage());
        }
    }

    private static List<TokenRequest> decodeTokenRequests(List<byte[]> encoded, IssuerKeyPair issuerKey) {
        if (encoded.size() != Account.REGISTRATION_TOKENS) {
            throw new InvalidAccountRequestException("tokenRequests",
                    "exactly " + Account.REGISTRATION_TOKENS + " token requests are required");
        }
        List<TokenRequest> requests = new ArrayList<>(encoded.size());
        for (byte[] bytes : encoded) {
            try {
                TokenRequest request = TokenRequest.decode(bytes);
                if (request.truncatedKeyId() != issuerKey.publicKey().keyId().truncated()) {
                    throw new InvalidAccountRequestException("tokenRequests",
                            "a token request is for another issuer key than the one that signs now");
                }
                requests.add(request);
            } catch (MalformedEncodingException e) {
                throw new InvalidAccountRequestException("tokenRequests", e.getMessage());
            }
        }
        return requests;
    }

    private IdentityCertificate issueCertificate(CertificationRequest request, PhoneNumber number, Instant now) {
        try {
            // Valid from an hour back, so a client whose clock is a little behind accepts it at once.
            return certificateAuthority.issuing().issue(request, number, now.minus(CLOCK_SKEW_ALLOWANCE),
                    now.plus(certificateAuthority.certificateValidity()));
        } catch (CryptoException e) {
            throw new InvalidAccountRequestException("certificationRequest", e.getMessage());
        }
    }

    private static TokenResponse blindSign(IssuerKeyPair key, TokenRequest request) {
        try {
            return key.blindSign(request);
        } catch (CryptoException e) {
            throw new InvalidAccountRequestException("tokenRequests", e.getMessage());
        }
    }

    /** A registration request whose every member decoded and checked out. */
    private record CheckedRegistration(CertificationRequest request, SignedPreKey envelopeKey, SignedPreKey preKey,
                                       GroupPublicKey groupPublicKey, IssuerKeyPair issuerKey,
                                       List<TokenRequest> tokenRequests) {

        /** The keys to store and publish, with the certificate issued for the request. */
        PublishedKeys published(IdentityCertificate certificate) {
            return new PublishedKeys(request.identityKey().toBytes(), certificate.toBytes(), envelopeKey.toBytes(),
                    preKey.toBytes(), groupPublicKey.toBytes());
        }
    }
}
