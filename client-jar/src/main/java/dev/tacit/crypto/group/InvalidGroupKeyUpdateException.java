package dev.tacit.crypto.group;

import dev.tacit.crypto.CryptoException;

/**
 * A group key update that does not apply to the key it is applied to: forged (not made with the manager's γ), or
 * meant for another group or another point of this group's chain of updates (docs/protocol.md §2.2.9).
 */
public class InvalidGroupKeyUpdateException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public InvalidGroupKeyUpdateException(String message) {
        super(message);
    }
}
