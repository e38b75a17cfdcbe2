package dev.tacit.crypto.token;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.MalformedEncodingException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issuer key encodings, key ids and the key ring. */
class IssuerKeysTest {

    private static IssuerKeyPair vectorKey;

    @BeforeAll
    static void load() throws Exception {
        vectorKey = Rfc9578TestVectors.issuerKey(Rfc9578TestVectors.VECTORS.get(0));
    }

    @Test
    void theKeyIdIsSha256OfTheSpki() {
        byte[] spki = vectorKey.publicKey().encode();
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(spki, 0, spki.length);
        byte[] expected = new byte[32];
        sha256.doFinal(expected, 0);

        assertArrayEquals(expected, vectorKey.publicKey().keyId().encode());
        assertEquals(expected[31] & 0xff, vectorKey.publicKey().keyId().truncated());
    }

    @Test
    void aGeneratedKeyIsRsa2048AndSurvivesPkcs8() throws Exception {
        IssuerKeyPair generated = IssuerKeyPair.generate(new SecureRandom());

        IssuerKeyPair restored = IssuerKeyPair.decodePkcs8(generated.encodePkcs8(InsecureSecretKeyAccess.get()));

        assertEquals(generated.publicKey(), restored.publicKey());
        assertEquals(2048, generated.publicKey().rsaKey().getModulus().bitLength());
        assertEquals(4 + 338, generated.publicKey().encode().length); // RFC 9578 §6.5: a 338-byte SEQUENCE and its header
        assertArrayEquals(generated.encodePkcs8(InsecureSecretKeyAccess.get()), restored.encodePkcs8(InsecureSecretKeyAccess.get()));
    }

    @Test
    void thePkcs8EncodingOfTheVectorKeyIsStable() throws Exception {
        assertArrayEquals(vectorKey.encodePkcs8(InsecureSecretKeyAccess.get()), IssuerKeyPair.decodePkcs8(vectorKey.encodePkcs8(InsecureSecretKeyAccess.get())).encodePkcs8(InsecureSecretKeyAccess.get()));
    }

    @Test
    void anSpkiWithTheRsaEncryptionOidIsRejected() {
        RSAPublicKey rsa = rsaPublicKey();
        assertThrows(MalformedEncodingException.class, () -> IssuerPublicKey.decode(new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa).getEncoded(ASN1Encoding.DER)));
    }

    @Test
    void anSpkiWithTrailingBytesIsRejected() {
        byte[] spki = Arrays.append(vectorKey.publicKey().encode(), (byte) 0);

        assertThrows(MalformedEncodingException.class, () -> IssuerPublicKey.decode(spki));
    }

    @Test
    void aTruncatedSpkiIsRejected() {
        byte[] spki = vectorKey.publicKey().encode();

        assertThrows(MalformedEncodingException.class, () -> IssuerPublicKey.decode(java.util.Arrays.copyOf(spki, spki.length - 1)));
    }

    @Test
    void keysOtherThan2048BitsAreRejected() {
        RSAPrivateCrtKeyParameters small = generateRsa(1024);
        RSAPrivateCrtKeyParameters large = generateRsa(3072);

        assertThrows(MalformedEncodingException.class, () -> IssuerPublicKey.of(small.getModulus(), small.getPublicExponent()));
        assertThrows(MalformedEncodingException.class, () -> IssuerKeyPair.decodePkcs8(pkcs8(large, large.getQInv())));
    }

    @Test
    void anEvenPublicExponentIsRejected() {
        BigInteger n = rsaPublicKey().getModulus();

        assertThrows(MalformedEncodingException.class, () -> IssuerPublicKey.of(n, BigInteger.valueOf(65536)));
    }

    @Test
    void aPkcs8KeyWithInconsistentComponentsIsRejected() {
        RSAPrivateCrtKeyParameters key = generateRsa(2048);

        assertThrows(MalformedEncodingException.class, () -> IssuerKeyPair.decodePkcs8(pkcs8(key, key.getQInv().add(BigInteger.ONE))));
    }

    @Test
    void garbageIsNotAKey() {
        assertThrows(MalformedEncodingException.class, () -> IssuerKeyPair.decodePkcs8(new byte[] {0x30, 0x03, 0x02, 0x01}));
        assertThrows(MalformedEncodingException.class, () -> IssuerPublicKey.decode(new byte[0]));
    }

    @Test
    void aKeyIdIs32Bytes() {
        assertThrows(MalformedEncodingException.class, () -> TokenKeyId.decode(new byte[31]));
    }

    @Test
    void aKeyRingFindsKeysByIdAndForgetsRemovedOnes() throws Exception {
        IssuerPublicKey first = vectorKey.publicKey();
        IssuerPublicKey second = IssuerKeyPair.generate(new SecureRandom()).publicKey();
        IssuerKeyRing ring = IssuerKeyRing.of(first, second);

        assertEquals(second, ring.find(second.keyId()).orElseThrow());
        assertTrue(ring.without(first.keyId()).find(first.keyId()).isEmpty());
        assertEquals(2, ring.keyIds().size());
        assertThrows(IllegalArgumentException.class, () -> ring.with(first));
    }

    private static RSAPublicKey rsaPublicKey() {
        IssuerPublicKey key = vectorKey.publicKey();
        return new RSAPublicKey(key.rsaKey().getModulus(), key.rsaKey().getExponent());
    }

    private static RSAPrivateCrtKeyParameters generateRsa(int bits) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), new SecureRandom(), bits, 64));
        return (RSAPrivateCrtKeyParameters) generator.generateKeyPair().getPrivate();
    }

    private static byte[] pkcs8(RSAPrivateCrtKeyParameters k, BigInteger coefficient) throws Exception {
        return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPrivateKey(k.getModulus(), k.getPublicExponent(), k.getExponent(), k.getP(), k.getQ(), k.getDP(),
                        k.getDQ(), coefficient)).getEncoded(ASN1Encoding.DER);
    }
}
