package dev.tacit.server.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Fetches the CRLs a certificate's CRL distribution points (RFC 5280 §4.2.1.13) name by {@code http} or
 * {@code https} URL, each at most {@value #MAX_BYTES} bytes, whole within {@link #TIMEOUT} (a slow body too). A point that does not answer
 * with a CRL is left out, so the validator finds the status undetermined. Only called for certificates a trust
 * anchor's path has vouched for ({@link CertificatePaths}).
 */
final class HttpCrlSource implements CertificatePaths.CrlSource {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_POINTS = 4;

    private static final Logger LOG = Logger.getLogger(HttpCrlSource.class.getName());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public List<CRL> fetch(X509Certificate certificate) {
        List<CRL> crls = new ArrayList<>();
        for (URI point : distributionPoints(certificate)) {
            CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(HttpRequest.newBuilder(point)
                    .timeout(TIMEOUT).GET().build(), response -> new Bounded(MAX_BYTES));
            try {
                HttpResponse<byte[]> response = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (response.statusCode() != 200) {
                    LOG.fine(() -> "a CRL distribution point answered " + response.statusCode());
                    continue;
                }
                crls.add(CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body())));
            } catch (ExecutionException | TimeoutException | CRLException | CertificateException e) {
                answer.cancel(true);
                LOG.fine(() -> "a CRL could not be fetched: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                answer.cancel(true);
                Thread.currentThread().interrupt();
                break;
            }
        }
        return crls;
    }

    /** The body as bytes, or a failure once it grows past {@code limit}: a CRL is never read whole past the bound. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {

        private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        private final long limit;
        private long received;
        private Flow.Subscription subscription;

        Bounded(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return bytes.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            bytes.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                received += item.remaining();
            }
            if (received > limit) {
                subscription.cancel();
                bytes.onError(new IOException("a CRL of over " + limit + " bytes"));
                return;
            }
            bytes.onNext(items);
        }

        @Override
        public void onError(Throwable failure) {
            bytes.onError(failure);
        }

        @Override
        public void onComplete() {
            if (received <= limit) {
                bytes.onComplete();
            }
        }
    }

    /** The http and https URLs of the certificate's CRL distribution points, at most {@value #MAX_POINTS}. */
    static List<URI> distributionPoints(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<URI> points = new ArrayList<>();
        if (extension == null) {
            return points;
        }
        try {
            CRLDistPoint list = CRLDistPoint.getInstance(ASN1OctetString.getInstance(extension).getOctets());
            for (DistributionPoint point : list.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier && points.size() < MAX_POINTS) {
                        URI uri = URI.create(general.getName().toString());
                        if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                            points.add(uri);
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.fine("a certificate's CRL distribution points do not decode");
        }
        return points;
    }
}
