package dev.tacit.server.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.tacit.server.settings.TacitSettings;

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292): a POST without content to the subscription's endpoint, so no RFC 8291
 * message encryption is involved (there is nothing to encrypt), with {@code TTL}, {@code Urgency: high} and the
 * {@code Authorization: vapid t=<JWT>, k=<public key>} header. The JWT (ES256, signed with nimbus-jose-jwt) names the
 * endpoint's origin as {@code aud}, expires after {@link #TOKEN_LIFETIME} (RFC 8292 allows at most 24 hours) and has
 * the server's public origin as {@code sub}, the contact RFC 8292 §2.1 asks for.
 */
@ApplicationScoped
public class WebPushNotifier implements PushNotifier {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    /** How long a push service keeps an undelivered wake-up: a day; a later one wakes the client anyway. */
    static final long TTL_SECONDS = 86_400;

    @Inject
    VapidKeys keys;

    @Inject
    TacitSettings settings;

    @Inject
    Clock clock;

    private HttpClient http;

    @PostConstruct
    void create() {
        http = HttpClient.newBuilder()
                .connectTimeout(settings.push().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Delivery wakeUp(URI endpoint) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(endpoint)
                    .timeout(settings.push().timeout())
                    .header("Authorization", "vapid t=" + token(origin(endpoint)) + ", k=" + keys.applicationServerKey())
                    .header("TTL", Long.toString(TTL_SECONDS))
                    .header("Urgency", "high")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
        } catch (JOSEException | IllegalArgumentException e) {
            return Delivery.FAILED;
        }
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 404 || status == 410) {
                return Delivery.GONE;
            }
            return status / 100 == 2 ? Delivery.ACCEPTED : Delivery.FAILED;
        } catch (IOException e) {
            return Delivery.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.FAILED;
        }
    }

    /** The VAPID JWT for a push service at {@code audience}. */
    String token(String audience) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(audience)
                .expirationTime(Date.from(clock.instant().plus(TOKEN_LIFETIME)))
                .subject(settings.publicOrigin().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(keys.privateKey()));
        return jwt.serialize();
    }

    /** The endpoint's origin, scheme://host[:port], as RFC 8292 §2 wants it for {@code aud}. */
    static String origin(URI endpoint) {
        int port = endpoint.getPort();
        return endpoint.getScheme() + "://" + endpoint.getHost() + (port < 0 ? "" : ":" + port);
    }
}
