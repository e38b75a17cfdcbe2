package dev.tacit.client.discovery;

import dev.tacit.client.TacitClientException;

/**
 * The server answered a look-up with keys that do not check out: a bundle that does not decode, whose certificate
 * does not chain to the pinned CA or names another number, whose keys the certified identity key did not sign,
 * or a group public key that fails §2.2's checks. Nothing of that answer may be used.
 */
public class UntrustedKeyBundleException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    public UntrustedKeyBundleException(String message, Throwable cause) {
        super(message, cause);
    }

    public UntrustedKeyBundleException(String message) {
        super(message);
    }
}
