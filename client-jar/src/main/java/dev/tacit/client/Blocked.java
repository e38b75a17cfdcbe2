package dev.tacit.client;

import dev.tacit.crypto.identity.PhoneNumber;

/**
 * A blocked contact ({@link TacitClient#block}).
 *
 * @param contact        who was blocked
 * @param membersRevoked how many members of the account's group this block revoked (those handed to the contact and
 *                       not revoked before; 0 if none was handed over)
 * @param groupKeyEpoch  the epoch of the account's group key on the server afterwards (docs/protocol.md §4.29)
 */
public record Blocked(PhoneNumber contact, int membersRevoked, int groupKeyEpoch) {
}
