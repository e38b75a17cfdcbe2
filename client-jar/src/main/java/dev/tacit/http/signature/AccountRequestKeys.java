package dev.tacit.http.signature;

import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.IdentityPublicKey;
import dev.tacit.crypto.identity.PhoneNumber;

/** The account identity keys (§3.1) in the roles request signing needs: the only keys §5 signs with. */
public final class AccountRequestKeys {

    private AccountRequestKeys() {
    }

    /** Signs requests as the account {@code number} with its identity key. */
    public static RequestSigningKey signingKey(PhoneNumber number, IdentityKeyPair identity) {
        return new RequestSigningKey() {
            @Override
            public String keyId() {
                return number.e164();
            }

            @Override
            public byte[] sign(byte[] signatureBase) {
                return identity.sign(signatureBase);
            }

            @Override
            public String toString() {
                return "RequestSigningKey[" + number + "]";
            }
        };
    }

    /** Checks request signatures against an account's identity public key. */
    public static RequestVerificationKey verificationKey(IdentityPublicKey identity) {
        return (signatureBase, signature) -> {
            try {
                identity.verify(signatureBase, signature);
                return true;
            } catch (VerificationFailedException e) {
                return false;
            }
        };
    }
}
