package dev.tacit.server.verification;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Forged variants of a statement {@code base64url(payload) "." base64url(tag)} (verification tokens, send proofs). */
final class Forgeries {

    private Forgeries() {
    }

    /** {@code statement} with one bit changed: the lowest bit of each payload byte in turn, then one of the tag. */
    static List<String> oneBitChanged(String statement) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String[] parts = statement.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        List<String> forgeries = new ArrayList<>();
        for (int i = 0; i < payload.length; i++) {
            byte[] changed = payload.clone();
            changed[i] ^= 1;
            forgeries.add(encoder.encodeToString(changed) + "." + parts[1]);
        }
        byte[] tag = Base64.getUrlDecoder().decode(parts[1]);
        tag[tag.length - 1] ^= 1;
        forgeries.add(parts[0] + "." + encoder.encodeToString(tag));
        return forgeries;
    }
}
