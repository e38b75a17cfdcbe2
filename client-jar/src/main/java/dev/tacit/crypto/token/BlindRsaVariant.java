package dev.tacit.crypto.token;

/**
 * The RSABSSA variants of RFC 9474 §5 that this package implements, all with SHA-384 and MGF1-SHA-384.
 * Tokens use {@link #SHA384_PSS_DETERMINISTIC}, the variant RFC 9578 prescribes for token type 0x0002; the
 * others exist so that the blind-signature core is checked against every RFC 9474 test vector.
 */
enum BlindRsaVariant {

    /** RSABSSA-SHA384-PSS-Randomized: 48-byte salt, 32-byte random message prefix. */
    SHA384_PSS_RANDOMIZED(48, true),
    /** RSABSSA-SHA384-PSSZERO-Randomized: empty salt, 32-byte random message prefix. */
    SHA384_PSSZERO_RANDOMIZED(0, true),
    /** RSABSSA-SHA384-PSS-Deterministic: 48-byte salt, message signed as is. */
    SHA384_PSS_DETERMINISTIC(48, false),
    /** RSABSSA-SHA384-PSSZERO-Deterministic: empty salt, message signed as is. */
    SHA384_PSSZERO_DETERMINISTIC(0, false);

    /** Length of the random message prefix of the randomized variants (RFC 9474 §4.1). */
    static final int MESSAGE_PREFIX_LENGTH = 32;

    private final int saltLength;
    private final boolean randomized;

    BlindRsaVariant(int saltLength, boolean randomized) {
        this.saltLength = saltLength;
        this.randomized = randomized;
    }

    int saltLength() {
        return saltLength;
    }

    boolean randomized() {
        return randomized;
    }
}
