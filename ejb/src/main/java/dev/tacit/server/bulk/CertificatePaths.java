package dev.tacit.server.bulk;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CRL;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.tacit.server.bulk.BulkSenderRefusedException.Reason;
import dev.tacit.server.settings.TacitSettings.BulkSenders.Revocation;

/**
 * Validates a bulk sender's certificate chain (docs/protocol.md §4.27) with the Java platform's PKIX
 * {@link CertPathValidator} (RFC 5280 §6): to one of {@code anchors}, at {@code now} (the server's clock), with
 * the initial policy set {the required policy} and an explicit policy required, so every certificate of the path
 * carries that policy (or anyPolicy), and revocation checked as configured. A chain that fails is refused with the
 * reason the validator gives.
 *
 * <p>With {@code crl}, the path is first validated without revocation, so that the server fetches only the CRL
 * distribution points that the trusted CAs signed, never a URL a client made up; then each certificate is checked
 * against its issuer's CRL, fetched here within the bounds of {@link HttpCrlSource} (not by the platform, which
 * would fetch distribution points itself, unbounded, where {@code com.sun.security.enableCRLDP} is set). With
 * {@code ocsp}, the platform asks each certificate's OCSP responder, with no fallback to CRLs.
 */
final class CertificatePaths {

    /** The bit of the key usage extension that allows signing CRLs (RFC 5280 §4.2.1.3). */
    private static final int CRL_SIGN = 6;

    /** Fetches the CRLs a certificate's distribution points name. */
    interface CrlSource {
        List<CRL> fetch(X509Certificate certificate);
    }

    private CertificatePaths() {
    }

    /**
     * @param chain leaf first; certificates that are anchors themselves (a root the client sent along) are left out
     * @throws BulkSenderRefusedException naming why the chain is refused
     */
    static void validate(List<X509Certificate> chain, Set<TrustAnchor> anchors, String policy, Revocation revocation,
                         Instant now, CrlSource crls) {
        List<X509Certificate> path = withoutAnchors(chain, anchors);
        if (path.isEmpty()) {
            throw CertificateChains.invalid("the chain holds no certificate but trust anchors");
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXCertPathValidatorResult valid = check(validator, certPath, parameters(anchors, policy, now));
            if (revocation == Revocation.CRL) {
                checkCrls(path, valid.getTrustAnchor().getTrustedCert(), now, crls);
            } else if (revocation == Revocation.OCSP) {
                PKIXParameters withRevocation = parameters(anchors, policy, now);
                PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
                checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK));
                withRevocation.setRevocationEnabled(true);
                withRevocation.addCertPathChecker(checker);
                checkOcsp(validator, certPath, withRevocation);
            }
        } catch (BulkSenderRefusedException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform validates PKIX paths", e);
        }
    }

    private static PKIXCertPathValidatorResult check(CertPathValidator validator, CertPath path,
                                                     PKIXParameters parameters) throws InvalidAlgorithmParameterException {
        try {
            return (PKIXCertPathValidatorResult) validator.validate(path, parameters);
        } catch (CertPathValidatorException e) {
            throw refusal(e);
        }
    }

    /**
     * Validates the path again, now asking OCSP. It already validated without revocation, so a failure other than a
     * revoked certificate is the answer's: one the platform could not verify (not signed by the CA or its delegated
     * responder, for one) fails with no reason of its own, yet it leaves the status undetermined, not the chain invalid.
     */
    private static void checkOcsp(CertPathValidator validator, CertPath path, PKIXParameters parameters)
            throws InvalidAlgorithmParameterException {
        try {
            validator.validate(path, parameters);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                throw refusal(e);
            }
            throw refusal(new CertPathValidatorException(e.getMessage(), e, e.getCertPath(), e.getIndex(),
                    CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS));
        }
    }

    /**
     * Checks each certificate of a validated path against its issuer's CRL (RFC 5280 §6.3, for complete CRLs issued
     * by the certificate's issuer itself): fetched from the certificate's distribution points, its issuer the
     * certificate's, its signature by the issuer's key (an issuer certificate with key usage must allow CRL
     * signing), current at {@code now} (this update passed, next update not), and with no critical extension (an
     * issuing distribution point or a delta CRL indicator makes it unusable here). Without a usable CRL the status is
     * undetermined; a usable one that lists the certificate revokes it.
     */
    private static void checkCrls(List<X509Certificate> path, X509Certificate anchor, Instant now, CrlSource crls) {
        Date at = Date.from(now);
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            String position = "certificateChain[" + i + "]";
            X509CRL usable = null;
            for (CRL fetched : crls.fetch(certificate)) {
                if (fetched instanceof X509CRL crl && usable(crl, issuer, at)) {
                    usable = crl;
                    break;
                }
            }
            if (usable == null) {
                throw new BulkSenderRefusedException(Reason.REVOCATION_UNKNOWN, "The revocation status of " + position
                        + " could not be determined: its CA's CRL could not be fetched, or is not usable. Try again"
                        + " later.");
            }
            if (usable.getRevokedCertificate(certificate) != null) {
                throw new BulkSenderRefusedException(Reason.CERTIFICATE_REVOKED, position + " is revoked by its CA.");
            }
        }
    }

    private static boolean usable(X509CRL crl, X509Certificate issuer, Date at) {
        boolean[] keyUsage = issuer.getKeyUsage();
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                || (keyUsage != null && (keyUsage.length <= CRL_SIGN || !keyUsage[CRL_SIGN]))
                || crl.getThisUpdate().after(at) || (crl.getNextUpdate() != null && !crl.getNextUpdate().after(at))
                || (crl.getCriticalExtensionOIDs() != null && !crl.getCriticalExtensionOIDs().isEmpty())) {
            return false;
        }
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PKIXParameters parameters(Set<TrustAnchor> anchors, String policy, Instant now)
            throws InvalidAlgorithmParameterException {
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setDate(Date.from(now));
        parameters.setInitialPolicies(Set.of(policy));
        parameters.setExplicitPolicyRequired(true);
        parameters.setRevocationEnabled(false);
        return parameters;
    }

    /** The refusal for a validator's failure, by its reason. */
    static BulkSenderRefusedException refusal(CertPathValidatorException failure) {
        String at = failure.getIndex() >= 0 ? "certificateChain[" + failure.getIndex() + "]" : "the chain";
        CertPathValidatorException.Reason reason = failure.getReason();
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return new BulkSenderRefusedException(Reason.CERTIFICATE_EXPIRED, at + " has expired.");
        }
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return new BulkSenderRefusedException(Reason.CERTIFICATE_EXPIRED, at + " is not valid yet.");
        }
        if (reason == CertPathValidatorException.BasicReason.REVOKED) {
            return new BulkSenderRefusedException(Reason.CERTIFICATE_REVOKED, at + " is revoked by its CA.");
        }
        if (reason == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return new BulkSenderRefusedException(Reason.REVOCATION_UNKNOWN, "The revocation status of " + at
                    + " could not be determined: its CA's CRL or OCSP responder did not answer usably. Try again later.");
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR || reason == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return new BulkSenderRefusedException(Reason.UNTRUSTED_CERTIFICATE, "The chain does not lead to a trust"
                    + " anchor of this server.");
        }
        if (reason == PKIXReason.INVALID_POLICY) {
            return new BulkSenderRefusedException(Reason.POLICY_MISSING, "The chain does not carry the certificate"
                    + " policy this server requires.");
        }
        return CertificateChains.invalid(at + " breaks the path's rules (" + reason + ")");
    }

    private static List<X509Certificate> withoutAnchors(List<X509Certificate> chain, Set<TrustAnchor> anchors) {
        List<X509Certificate> path = new ArrayList<>(chain);
        while (!path.isEmpty() && isAnchor(path.get(path.size() - 1), anchors)) {
            path.remove(path.size() - 1);
        }
        return path;
    }

    private static boolean isAnchor(X509Certificate certificate, Set<TrustAnchor> anchors) {
        return anchors.stream().anyMatch(anchor -> certificate.equals(anchor.getTrustedCert()));
    }
}
