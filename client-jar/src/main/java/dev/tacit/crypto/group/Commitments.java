package dev.tacit.crypto.group;

import supranational.blst.P1;
import supranational.blst.PT;

/**
 * The proof's commitments R1..R5 as they enter the challenge: computed from the nonces by the signer and
 * from the responses by the verifier; a valid signature makes both equal.
 */
record Commitments(P1 r1, P1 r2, PT r3, P1 r4, P1 r5) {
}
