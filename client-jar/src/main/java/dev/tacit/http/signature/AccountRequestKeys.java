package dev.tacit.http.signature;

import dev.tacit.crypto.identity.IdentityKeyPair;
import dev.tacit.crypto.identity.PhoneNumber;

/**
 * The account identity key (§3.1) in the role request signing needs: the only key §5 signs with. The verifying
 * side is {@link RequestVerificationKey}.
 */
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
}
