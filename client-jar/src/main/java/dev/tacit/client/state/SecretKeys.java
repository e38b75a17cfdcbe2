package dev.tacit.client.state;

import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.AgreementKeyPair;
import dev.tacit.crypto.identity.IdentityKeyPair;

/**
 * The one place the state store takes secret key material out of its key types, to write it into the
 * encrypted state file and nowhere else.
 */
final class SecretKeys {

    private SecretKeys() {
    }

    static byte[] identitySeed(IdentityKeyPair identity) {
        return identity.seedBytes();
    }

    static byte[] agreementPrivate(AgreementKeyPair key) {
        return key.privateBytes();
    }

    static byte[] groupManager(GroupManagerKey group) {
        return group.toBytes();
    }

    static byte[] memberCredential(MemberCredential credential) {
        return credential.toBytes();
    }
}
