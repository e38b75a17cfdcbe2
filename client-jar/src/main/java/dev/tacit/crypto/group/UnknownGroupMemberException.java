package dev.tacit.crypto.group;

import dev.tacit.crypto.CryptoException;

/**
 * A valid signature whose opened A is none of the members the manager key has minted (indexes below its
 * member count).
 */
public class UnknownGroupMemberException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public UnknownGroupMemberException(String message) {
        super(message);
    }
}
