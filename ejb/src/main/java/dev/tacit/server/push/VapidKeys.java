package dev.tacit.server.push;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;
import org.bouncycastle.math.ec.ECPoint;

import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.keys.ServerSecrets;

/**
 * The server's VAPID key pair (RFC 8292), ECDSA on P-256: the private scalar comes from a server secret, sealed in
 * PostgreSQL like the others ({@link ServerSecrets}), so every node and every restart signs with the same key and
 * push subscriptions made against it stay valid. Its public key, the uncompressed point, is what clients give their
 * push service as {@code applicationServerKey} (published in {@code GET /v1/server}, docs/protocol.md §4.2).
 */
@ApplicationScoped
public class VapidKeys {

    static final String SECRET_NAME = "vapid-key";
    static final int SECRET_BYTES = 32;

    @Inject
    ServerSecrets secrets;

    private ECPrivateKey privateKey;
    private ECPublicKey publicKey;
    private byte[] encodedPublicKey;

    /**
     * Reads (or, on a new installation, creates) the key at deployment, so that GET /v1/server answers without the
     * database, as it did before.
     */
    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        // Observing is enough: the container creates this bean, running open(), to deliver the event.
    }

    @PostConstruct
    void open() {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        byte[] secret = secrets.getOrCreate(SECRET_NAME, SECRET_BYTES);
        // A scalar in [1, n-1] from 32 random bytes; the bias of the reduction is below 2^-128.
        BigInteger d = new BigInteger(1, secret).mod(curve.getN().subtract(BigInteger.ONE)).add(BigInteger.ONE);
        Arrays.fill(secret, (byte) 0);
        ECPoint q = curve.getG().multiply(d).normalize();
        ECNamedCurveSpec spec = new ECNamedCurveSpec("secp256r1", curve.getCurve(), curve.getG(), curve.getN(),
                curve.getH());
        try {
            KeyFactory keys = KeyFactory.getInstance("EC");
            privateKey = (ECPrivateKey) keys.generatePrivate(new ECPrivateKeySpec(d, spec));
            publicKey = (ECPublicKey) keys.generatePublic(new ECPublicKeySpec(
                    new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()),
                    spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform has no P-256 keys", e);
        }
        encodedPublicKey = q.getEncoded(false);
    }

    public ECPrivateKey privateKey() {
        return privateKey;
    }

    public ECPublicKey publicKey() {
        return publicKey;
    }

    /** The public key as RFC 8292 §3.2's {@code k} and the client's {@code applicationServerKey}: base64url, 65 bytes. */
    public String applicationServerKey() {
        return Base64Url.encode(encodedPublicKey);
    }
}
