package dev.tacit.server.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tacit.server.settings.TacitSettings;

/**
 * The operator's trust anchors for bulk senders ({@code tacit.bulk-senders.trust-anchors}): a PEM file of root
 * certificates, read whenever a proof needs it, so that the operator changes the anchors by changing the file.
 * Without the setting, or with a file that cannot be read or holds no certificate, the feature is off.
 */
@ApplicationScoped
public class TrustAnchorFile {

    private static final Logger LOG = Logger.getLogger(TrustAnchorFile.class.getName());

    @Inject
    TacitSettings settings;

    /** The anchors now, or empty when the feature is off. */
    public Optional<Set<TrustAnchor>> anchors() {
        Optional<Path> path = settings.bulkSenders().trustAnchors();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        try (InputStream in = Files.newInputStream(path.get())) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                anchors.add(new TrustAnchor((X509Certificate) certificate, null));
            }
        } catch (IOException | CertificateException | ClassCastException e) {
            LOG.warning(() -> "bulk senders are off: tacit.bulk-senders.trust-anchors " + path.get()
                    + " cannot be read as PEM certificates (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        if (anchors.isEmpty()) {
            LOG.warning(() -> "bulk senders are off: tacit.bulk-senders.trust-anchors " + path.get()
                    + " holds no certificate");
            return Optional.empty();
        }
        return Optional.of(anchors);
    }
}
