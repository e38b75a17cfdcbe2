package dev.tacit.client;

/**
 * The SOCKS5 proxy that anonymous operations go through (Tor's, usually) could not be reached, did not speak
 * SOCKS5, or refused the operation's isolation credentials. Nothing was sent to the server: an anonymous
 * operation never falls back to a direct connection. Start the proxy (or Tor), or point the client at the
 * right one, and try again.
 */
public class ProxyUnreachableException extends TacitClientException {

    private static final long serialVersionUID = 1L;

    public ProxyUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
