package dev.tacit.crypto.group;

import dev.tacit.crypto.CryptoException;

/**
 * A valid group key update that revokes this very member: the group's manager blocked it, and no later key of the
 * group has a credential for it (docs/protocol.md §2.2.9).
 */
public class MemberRevokedException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public MemberRevokedException(String message) {
        super(message);
    }
}
