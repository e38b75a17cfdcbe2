package dev.tacit.client.state;

import dev.tacit.crypto.InsecureSecretKeyAccess;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.IdentityKeyPair;

/**
 * The one place the state store takes secret key material out of its key types (with
 * {@link InsecureSecretKeyAccess}), to write it into the encrypted state file and nowhere else.
 */
final class SecretKeys {

    private SecretKeys() {
    }

    static byte[] identitySeed(IdentityKeyPair identity) {
        return identity.seedBytes(InsecureSecretKeyAccess.get());
    }

    static byte[] agreementPrivate(AgreementKeyPair key) {
        return key.privateBytes(InsecureSecretKeyAccess.get());
    }

    static byte[] groupManager(GroupManagerKey group) {
        return group.toBytes(InsecureSecretKeyAccess.get());
    }

    static byte[] memberCredential(MemberCredential credential) {
        return credential.toBytes();
    }
}
