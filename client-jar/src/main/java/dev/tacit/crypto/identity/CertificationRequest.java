package dev.tacit.crypto.identity;

import java.io.IOException;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

import dev.tacit.crypto.MalformedEncodingException;

/**
 * A PKCS#10 request (RFC 2986) for an identity certificate: subject {@code CN=<E.164 number>}, the Ed25519
 * identity key, and the request self-signed by that key as proof of possession. A decoded request has always
 * had its proof of possession checked.
 */
public final class CertificationRequest {

    private final byte[] der;
    private final PhoneNumber requestedNumber;
    private final IdentityPublicKey identityKey;

    private CertificationRequest(byte[] der, PhoneNumber requestedNumber, IdentityPublicKey identityKey) {
        this.der = der;
        this.requestedNumber = requestedNumber;
        this.identityKey = identityKey;
    }

    /** Builds and signs a request for {@code number} with the identity key. */
    public static CertificationRequest create(IdentityKeyPair identity, PhoneNumber number) {
        PKCS10CertificationRequest request = new PKCS10CertificationRequestBuilder(
                X509Support.commonName(number.e164()), X509Support.publicKeyInfo(identity.publicKey()))
                .build(X509Support.signer(identity));
        try {
            return new CertificationRequest(request.getEncoded(), number, identity.publicKey());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decodes a DER request and checks its proof of possession.
     *
     * @throws MalformedEncodingException if it is not a canonical DER PKCS#10 request with a single E.164 CN and an Ed25519 key
     * @throws InvalidCertificationRequestException if the self-signature does not verify
     */
    public static CertificationRequest fromBytes(byte[] der) throws MalformedEncodingException, InvalidCertificationRequestException {
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(der);
            if (!Arrays.equals(request.toASN1Structure().getEncoded(ASN1Encoding.DER), der)) {
                throw new MalformedEncodingException("certification request is not in canonical DER");
            }
        } catch (IOException | RuntimeException e) {
            throw new MalformedEncodingException("not a PKCS#10 certification request", e);
        }
        if (!X509Support.ED25519.equals(request.getSignatureAlgorithm())) {
            throw new MalformedEncodingException("certification request is not signed with Ed25519");
        }
        if (request.getAttributes().length != 0) {
            throw new MalformedEncodingException("certification request carries attributes");
        }
        PhoneNumber number = PhoneNumber.of(X509Support.soleCommonName(request.getSubject()));
        IdentityPublicKey key = X509Support.identityKeyOf(request.getSubjectPublicKeyInfo());
        try {
            if (!request.isSignatureValid(X509Support.verifier(key))) {
                throw new InvalidCertificationRequestException("proof of possession does not verify");
            }
        } catch (PKCSException e) {
            throw new InvalidCertificationRequestException("proof of possession does not verify");
        }
        return new CertificationRequest(der.clone(), number, key);
    }

    public PhoneNumber requestedNumber() {
        return requestedNumber;
    }

    public IdentityPublicKey identityKey() {
        return identityKey;
    }

    public byte[] toBytes() {
        return der.clone();
    }

    @Override
    public String toString() {
        return "CertificationRequest[" + requestedNumber + ", " + identityKey + "]";
    }
}
