package dev.tacit.server.messages;

import jakarta.ejb.ApplicationException;

/**
 * A token handle under which the caller holds no token, attached or releasing (docs/protocol.md §4.15, §4.16);
 * nothing changed.
 */
@ApplicationException(rollback = true)
public class UnknownTokenHandleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownTokenHandleException() {
        super("this account holds no token under this handle");
    }
}
