package dev.tacit.server.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings production mode refuses, read as the features that use them read them: the development SMS
 * gateway (it texts nobody), no key-encryption keystore (the server would generate a development one whose
 * password is in its source), and the default database password.
 */
@ApplicationScoped
public class ProductionSafety {

    /** The password of the keystore the server generates when none is configured; public in the source. */
    public static final String DEVELOPMENT_KEYSTORE_PASSWORD = "tacit-development-only";
    /** What production mode says when no keystore is configured. */
    public static final String NO_KEYSTORE = "no key-encryption keystore is configured, so the server would"
            + " generate a development one: set TACIT_KEYSTORE_PATH and TACIT_KEYSTORE_PASSWORD (tacit.keystore.path,"
            + " tacit.keystore.password) to a PKCS#12 keystore with an AES-256 key (README, \"Server keys\")";

    private static final String DEFAULT_DATABASE_PASSWORD = "tacit";

    @Inject
    @ConfigProperty(name = "tacit.sms.gateway", defaultValue = "development")
    String smsGateway;

    @Inject
    @ConfigProperty(name = "tacit.keystore.path")
    Optional<String> keystorePath;

    @Inject
    @ConfigProperty(name = "tacit.keystore.password")
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = "tacit.db.password", defaultValue = DEFAULT_DATABASE_PASSWORD)
    String databasePassword;

    /** What is unsafe for production in this server's settings, each with what to set instead; empty if nothing. */
    public List<String> problems() {
        return problems(smsGateway, keystorePath, keystorePassword, databasePassword);
    }

    static List<String> problems(String smsGateway, Optional<String> keystorePath, Optional<String> keystorePassword,
                                 String databasePassword) {
        List<String> problems = new ArrayList<>();
        if (smsGateway.strip().equals("development")) {
            problems.add("the SMS gateway is the development one, which texts nobody: set TACIT_SMS_GATEWAY=twilio"
                    + " (tacit.sms.gateway) with TACIT_SMS_TWILIO_ACCOUNT_SID, TACIT_SMS_TWILIO_AUTH_TOKEN and"
                    + " TACIT_SMS_TWILIO_FROM");
        }
        if (keystorePath.filter(path -> !path.isBlank()).isEmpty()) {
            problems.add(NO_KEYSTORE);
        } else if (keystorePassword.filter(DEVELOPMENT_KEYSTORE_PASSWORD::equals).isPresent()) {
            problems.add("the key-encryption keystore has the development keystore's password, which is public: make"
                    + " a keystore of your own and set TACIT_KEYSTORE_PATH and TACIT_KEYSTORE_PASSWORD");
        }
        if (databasePassword.isEmpty() || databasePassword.equals(DEFAULT_DATABASE_PASSWORD)) {
            problems.add("the database password is the default one: set TACIT_DB_PASSWORD (tacit.db.password) to the"
                    + " password of the database user");
        }
        return problems;
    }
}
