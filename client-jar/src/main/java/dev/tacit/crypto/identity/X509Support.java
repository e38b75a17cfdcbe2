package dev.tacit.crypto.identity;

import java.io.IOException;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcEdDSAContentVerifierProviderBuilder;
import org.bouncycastle.operator.bc.BcEdECContentSignerBuilder;

import dev.tacit.crypto.MalformedEncodingException;

/** Ed25519 glue between the typed keys and Bouncy Castle's X.509 / PKCS#10 builders. */
final class X509Support {

    static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    private X509Support() {
    }

    static ContentSigner signer(IdentityKeyPair key) {
        try {
            return new BcEdECContentSignerBuilder(ED25519).build(key.privateParameters());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Ed25519 content signer unavailable", e);
        }
    }

    static ContentVerifierProvider verifier(IdentityPublicKey key) {
        try {
            return new BcEdDSAContentVerifierProviderBuilder().build(key.parameters());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Ed25519 content verifier unavailable", e);
        }
    }

    static SubjectPublicKeyInfo publicKeyInfo(IdentityPublicKey key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key.parameters());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Ed25519 key inside a SubjectPublicKeyInfo, rejecting other algorithms and parameters. */
    static IdentityPublicKey identityKeyOf(SubjectPublicKeyInfo info) throws MalformedEncodingException {
        if (!ED25519.equals(info.getAlgorithm())) {
            throw new MalformedEncodingException("public key is not Ed25519");
        }
        return IdentityPublicKey.fromBytes(info.getPublicKeyData().getOctets());
    }

    static X500Name commonName(String value) {
        return new X500Name(new RDN[] {new RDN(BCStyle.CN, new DERUTF8String(value))});
    }

    /** The single CN of a name that consists of nothing else. */
    static String soleCommonName(X500Name name) throws MalformedEncodingException {
        RDN[] rdns = name.getRDNs();
        if (rdns.length != 1 || rdns[0].isMultiValued() || !BCStyle.CN.equals(rdns[0].getFirst().getType())) {
            throw new MalformedEncodingException("name must be exactly one CN");
        }
        if (!(rdns[0].getFirst().getValue() instanceof ASN1String)) {
            throw new MalformedEncodingException("CN is not a string");
        }
        return ((ASN1String) rdns[0].getFirst().getValue()).getString();
    }

    /** Parses a DER certificate, rejecting BER, trailing bytes and anything that does not re-encode identically. */
    static X509CertificateHolder parseCertificate(byte[] der) throws MalformedEncodingException {
        if (der == null) {
            throw new MalformedEncodingException("no certificate bytes");
        }
        try {
            X509CertificateHolder holder = new X509CertificateHolder(der);
            if (!Arrays.equals(holder.toASN1Structure().getEncoded(ASN1Encoding.DER), der)) {
                throw new MalformedEncodingException("certificate is not in canonical DER");
            }
            return holder;
        } catch (IOException | RuntimeException e) {
            throw new MalformedEncodingException("not an X.509 certificate", e);
        }
    }
}
