package dev.tacit.server.bulk;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.tacit.crypto.CryptoException;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.bulk.BulkSenderProof;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.IssuerKeyPair;
import dev.tacit.crypto.token.TokenRequest;
import dev.tacit.crypto.token.TokenResponse;
import dev.tacit.server.bulk.BulkSenderRefusedException.Reason;
import dev.tacit.server.limits.AbuseCounterStore;
import dev.tacit.server.limits.Allowance;
import dev.tacit.server.limits.Allowances;
import dev.tacit.server.settings.TacitSettings;
import dev.tacit.server.tokens.TokenIssuerKeys;

/**
 * Bulk senders (docs/protocol.md §4.26–§4.28): an account proves, by signing a challenge of this server, that it
 * holds the key of a certificate that chains to one of the operator's trust anchors with the required policy, and
 * then obtains first-contact tokens from an allowance per period far larger than registration's five. Every
 * refusal stores, counts and signs nothing.
 */
@Stateless
public class BulkSenderService {

    /** The most token requests one request may carry. */
    public static final int MAX_TOKEN_REQUESTS = 100;

    static final String ALLOWANCE = "bulk-sender-tokens";

    private static final CertificatePaths.CrlSource CRLS = new HttpCrlSource();
    private static final int DIGITAL_SIGNATURE = 0;

    @Inject
    BulkSenderChallenges challenges;

    @Inject
    TrustAnchorFile trustAnchors;

    @Inject
    BulkSenderGrantStore grants;

    @Inject
    TokenIssuerKeys issuerKeys;

    @Inject
    Allowances allowances;

    @Inject
    AbuseCounterStore counters;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    /** A fresh challenge for {@code account} (§4.26), with when it expires. */
    public IssuedChallenge challenge(String account) {
        anchors();
        Instant expiresAt = Instant.ofEpochSecond(clock.instant().plus(settings.bulkSenders().challengeValidity())
                .getEpochSecond());
        return new IssuedChallenge(challenges.issue(account, expiresAt), expiresAt);
    }

    /**
     * Checks a proof (§4.27) and grants {@code account}: the challenge, the chain's encoding, the signature by the
     * leaf's key, that no operator barred the certificate, the path to a trust anchor with the policy at the
     * server's time and revocation as configured; then records the challenge as spent and stores the grant.
     *
     * @throws BulkSenderRefusedException naming why, with nothing stored
     */
    public BulkSenderGrant prove(String account, byte[] challenge, List<byte[]> encodedChain, byte[] signature) {
        Set<TrustAnchor> anchors = anchors();
        Instant now = clock.instant();
        Instant challengeExpiry = challenges.check(account, challenge, now);
        List<X509Certificate> chain = CertificateChains.decode(encodedChain);
        X509Certificate leaf = chain.get(0);
        try {
            BulkSenderProof.verify(leaf.getPublicKey(), PhoneNumber.of(account), challenge, signature);
        } catch (MalformedEncodingException e) {
            throw CertificateChains.invalid("certificateChain[0] " + e.getMessage());
        } catch (VerificationFailedException e) {
            throw new BulkSenderRefusedException(Reason.INVALID_SIGNATURE, "The signature is not the leaf"
                    + " certificate key's signature of this challenge for this account (§4.27).");
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
            throw CertificateChains.invalid("certificateChain[0]'s key usage does not allow digital signatures");
        }
        byte[] fingerprint = sha256(leaf);
        if (grants.barred(fingerprint)) {
            throw new BulkSenderRefusedException(Reason.CERTIFICATE_BARRED, "The operator revoked a grant of this"
                    + " certificate; it grants nothing here any more.");
        }
        CertificatePaths.validate(chain, anchors, settings.bulkSenders().policy(), settings.bulkSenders().revocation(),
                now, CRLS);
        challenges.spend(challenge, challengeExpiry);
        Instant notAfter = chain.stream().map(certificate -> certificate.getNotAfter().toInstant())
                .min(Instant::compareTo).orElseThrow();
        return grants.grant(account, fingerprint, bounded(leaf.getSubjectX500Principal().getName()),
                bounded(leaf.getIssuerX500Principal().getName()), notAfter, now);
    }

    /**
     * Blind-signs as many of {@code encodedRequests}, in order, as the account's grant has left of this period's
     * allowance (§4.28), with the first-contact key that signs now.
     *
     * @throws BulkSenderRefusedException         {@code INVALID_TOKEN_REQUEST}, {@code NO_GRANT}, {@code GRANT_REVOKED}
     *                                            or {@code GRANT_EXPIRED}
     * @throws BulkSenderAllowanceSpentException  if none is left in this period
     */
    public IssuedTokens issue(String account, List<byte[]> encodedRequests) {
        anchors();
        IssuerKeyPair signing = issuerKeys.signingKey();
        List<TokenRequest> requests = decode(encodedRequests, signing);
        Instant now = clock.instant();
        BulkSenderGrant grant = grants.latest(account).orElseThrow(() -> new BulkSenderRefusedException(Reason.NO_GRANT,
                "The account has no bulk-sender grant: prove a certificate first (§4.27)."));
        if (grant.revokedAt().isPresent()) {
            throw new BulkSenderRefusedException(Reason.GRANT_REVOKED, "The operator revoked the account's bulk-sender"
                    + " grant: prove another certificate to be granted again.");
        }
        if (!now.isBefore(grant.notAfter())) {
            throw new BulkSenderRefusedException(Reason.GRANT_EXPIRED, "The certificate chain of the account's"
                    + " bulk-sender grant has expired: prove a current certificate.");
        }
        Allowance allowance = allowances.inFixedWindow(ALLOWANCE, account, settings.bulkSenders().tokensPerPeriod(),
                settings.bulkSenders().period(), now);
        int granted = counters.takeUpTo(allowance, requests.size());
        if (granted == 0) {
            throw new BulkSenderAllowanceSpentException(allowance.remainingAfter(now));
        }
        List<TokenResponse> responses = new ArrayList<>(granted);
        for (TokenRequest request : requests.subList(0, granted)) {
            try {
                responses.add(signing.blindSign(request));
            } catch (CryptoException e) {
                // a blinded message not below the modulus; the exception rolls the count back
                throw new BulkSenderRefusedException(Reason.INVALID_TOKEN_REQUEST, "A token request does not blind a"
                        + " message under the key that signs now.");
            }
        }
        return new IssuedTokens(responses, allowance.windowEnd());
    }

    /** The anchors, or the refusal of a server that does not offer the feature. */
    private Set<TrustAnchor> anchors() {
        return trustAnchors.anchors().orElseThrow(() -> new BulkSenderRefusedException(Reason.NOT_OFFERED,
                "This server does not offer bulk-sender grants."));
    }

    private static List<TokenRequest> decode(List<byte[]> encoded, IssuerKeyPair signing) {
        if (encoded.isEmpty() || encoded.size() > MAX_TOKEN_REQUESTS) {
            throw new BulkSenderRefusedException(Reason.INVALID_TOKEN_REQUEST, "A request carries 1 to "
                    + MAX_TOKEN_REQUESTS + " token requests, not " + encoded.size() + ".");
        }
        int truncatedKeyId = signing.publicKey().keyId().truncated();
        List<TokenRequest> requests = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            TokenRequest request;
            try {
                request = TokenRequest.decode(encoded.get(i));
            } catch (MalformedEncodingException e) {
                throw new BulkSenderRefusedException(Reason.INVALID_TOKEN_REQUEST, "tokenRequests[" + i
                        + "] is not a token request (§2.1.4).");
            }
            if (request.truncatedKeyId() != truncatedKeyId) {
                throw new BulkSenderRefusedException(Reason.INVALID_TOKEN_REQUEST, "tokenRequests[" + i
                        + "] is not for the first-contact key that signs now (§4.3).");
            }
            requests.add(request);
        }
        return requests;
    }

    private static byte[] sha256(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw CertificateChains.invalid("certificateChain[0] does not encode");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String bounded(String name) {
        return name.length() <= 1024 ? name : name.substring(0, 1023) + "…";
    }

    /** A challenge and when it expires. */
    public record IssuedChallenge(byte[] challenge, Instant expiresAt) {
        public IssuedChallenge {
            challenge = challenge.clone();
        }

        @Override
        public byte[] challenge() {
            return challenge.clone();
        }
    }

    /** Blind signatures of one request, and when the period they count in ends. */
    public record IssuedTokens(List<TokenResponse> responses, Instant periodEnd) {
        public IssuedTokens {
            responses = List.copyOf(responses);
        }
    }
}
