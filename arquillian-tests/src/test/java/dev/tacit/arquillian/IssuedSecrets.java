package dev.tacit.arquillian;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The secrets the server handed this suite: send proofs and verification tokens, as {@link TestAccounts} and
 * {@link VerificationRequests} received them. The server must never log one (ServerLogHygieneIT).
 */
public final class IssuedSecrets {

    /** The members of the verification API's answers that carry a secret (docs/protocol.md §4.5, §4.6). */
    private static final List<String> MEMBERS = List.of("sendProof", "verificationToken");

    private static final Set<String> ISSUED = new LinkedHashSet<>();

    private IssuedSecrets() {
    }

    /** Remembers {@code secret} and returns it. */
    public static synchronized String remember(String secret) {
        ISSUED.add(secret);
        return secret;
    }

    /** Remembers the secret members of a JSON answer, if it has any. */
    static void rememberMembersOf(JsonObject answer) {
        for (String member : MEMBERS) {
            if (answer.get(member) instanceof JsonString secret) {
                remember(secret.getString());
            }
        }
    }

    /** Every send proof and verification token the suite was given so far. */
    public static synchronized List<String> all() {
        return List.copyOf(ISSUED);
    }
}
