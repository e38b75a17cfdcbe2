package dev.tacit.server.tokens;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * The server's first-contact token-issuer keys (docs/protocol.md §2.1, §4.3). Tokens stay spendable long after
 * their key stops signing, since a token obtained at registration may be spent, released and spent again for
 * years.
 */
@Singleton
@Startup
@DependsOn("KeyEncryptionKeyCheck") // the key-encryption key is confirmed before any key is opened
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the state is immutable and replaced whole
public class TokenIssuerKeys extends RotatingIssuerKeys {

    static final String PURPOSE = "token-issuer";

    @Override
    protected String purpose() {
        return PURPOSE;
    }

    @PostConstruct
    @Schedule(hour = "*", minute = "7", persistent = false)
    void refresh() {
        refreshKeys();
    }
}
