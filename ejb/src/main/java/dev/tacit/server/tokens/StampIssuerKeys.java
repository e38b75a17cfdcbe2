package dev.tacit.server.tokens;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * The issuer keys of reputation stamps (docs/protocol.md §2.1.3, §4.18, §4.24): keys of their own, so that a
 * stamp is never accepted as a first-contact or discovery token, nor such a token as a stamp. Rotated with the
 * first-contact keys' lifetime ({@code tacit.tokens.*}).
 */
@Singleton
@Startup
@DependsOn("KeyEncryptionKeyCheck") // the key-encryption key is confirmed before any key is opened
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the state is immutable and replaced whole
public class StampIssuerKeys extends RotatingIssuerKeys {

    static final String PURPOSE = "stamp-issuer";

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
