package dev.tacit.crypto;

import java.security.SecureRandom;

import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.token.IssuerKeyPair;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Secret key material leaves its key type only for a caller holding {@link SecretKeyAccess}. */
class SecretKeyAccessTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void noPrivateKeyIsReadWithoutAccess() throws Exception {
        IdentityKeyPair identity = IdentityKeyPair.generate(RANDOM);
        AgreementKeyPair agreement = AgreementKeyPair.generate(RANDOM);
        GroupManagerKey manager = GroupManagerKey.generate(2);
        IssuerKeyPair issuer = IssuerKeyPair.generate(RANDOM);

        assertThrows(SecurityException.class, () -> identity.seedBytes(null));
        assertThrows(SecurityException.class, () -> agreement.privateBytes(null));
        assertThrows(SecurityException.class, () -> agreement.asBouncyCastle(null));
        assertThrows(SecurityException.class, () -> manager.toBytes(null));
        assertThrows(SecurityException.class, () -> issuer.encodePkcs8(null));
    }

    @Test
    void withAccessTheKeysRoundTrip() throws Exception {
        IdentityKeyPair identity = IdentityKeyPair.generate(RANDOM);
        AgreementKeyPair agreement = AgreementKeyPair.generate(RANDOM);
        SecretKeyAccess access = InsecureSecretKeyAccess.get();

        assertEquals(identity.publicKey(), IdentityKeyPair.fromSeed(identity.seedBytes(access)).publicKey());
        assertEquals(agreement.publicKey(), AgreementKeyPair.fromPrivateBytes(agreement.privateBytes(access)).publicKey());
    }
}
