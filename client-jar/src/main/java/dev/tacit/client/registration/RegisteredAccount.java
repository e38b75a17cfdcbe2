package dev.tacit.client.registration;

import java.util.List;

import dev.tacit.crypto.identity.CertifiedIdentity;
import dev.tacit.crypto.token.Token;

/**
 * A successful registration: the checked identity certificate, the first-contact tokens (none when the
 * number had been issued its tokens before), and the keys generated for it.
 */
public record RegisteredAccount(CertifiedIdentity identity, List<Token> tokens, AccountSetup keys) {

    public RegisteredAccount {
        tokens = List.copyOf(tokens);
    }

    @Override
    public String toString() {
        return "RegisteredAccount[" + identity.phoneNumber() + ", " + tokens.size() + " tokens]";
    }
}
