package dev.tacit.server.settings;

import java.util.ArrayList;
import java.util.List;

import dev.tacit.server.keys.KeyEncryptionKey;

/**
 * The settings production mode refuses ({@code tacit.mode}): the development SMS gateway (it texts nobody), no
 * key-encryption keystore (the server would generate a development one whose password is in its source) or
 * the development keystore's password, and the default database password. Each problem says what to set.
 */
final class ProductionSafety {

    private ProductionSafety() {
    }

    /** What is unsafe for production in {@code settings}, each with what to set instead; empty if nothing. */
    static List<String> problems(TacitSettings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.sms().gateway() == TacitSettings.Sms.Gateway.DEVELOPMENT) {
            problems.add("the SMS gateway is the development one, which texts nobody: set TACIT_SMS_GATEWAY=twilio"
                    + " (tacit.sms.gateway) with TACIT_SMS_TWILIO_ACCOUNT_SID, TACIT_SMS_TWILIO_AUTH_TOKEN and"
                    + " TACIT_SMS_TWILIO_FROM");
        }
        if (settings.keystore().path().isEmpty()) {
            problems.add("no key-encryption keystore is configured, so the server would generate a development one:"
                    + " set TACIT_KEYSTORE_PATH and TACIT_KEYSTORE_PASSWORD (tacit.keystore.path,"
                    + " tacit.keystore.password) to a PKCS#12 keystore with an AES-256 key (README, \"Server keys\")");
        } else if (settings.keystore().password().filter(KeyEncryptionKey.DEVELOPMENT_PASSWORD::equals).isPresent()) {
            problems.add("the key-encryption keystore has the development keystore's password, which is public: make"
                    + " a keystore of your own and set TACIT_KEYSTORE_PATH and TACIT_KEYSTORE_PASSWORD"
                    + " (tacit.keystore.path, tacit.keystore.password)");
        }
        if (settings.db().password().equals(TacitSettings.Db.DEFAULT_PASSWORD)) {
            problems.add("the database password is the default one: set TACIT_DB_PASSWORD (tacit.db.password) to the"
                    + " password of the database user");
        }
        return problems;
    }
}
