package dev.tacit.client.transport;

import java.net.URI;
import java.util.Map;

import jakarta.json.JsonObject;

import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

import dev.tacit.client.TacitClientException;
import dev.tacit.http.signature.RequestSigner;

/**
 * The identified channel to a Tacit server: direct HTTP(S) connections from this machine, on which the server
 * may learn who is calling. Registration and every account-scoped request travel here, the latter signed with
 * the account's identity key (docs/protocol.md §5); the server knows the caller of those anyway. Operations
 * that must not be linked to the account take an {@link AnonymousSession} instead, a type this one cannot
 * stand in for. Thread-safe; close it to release its connections.
 */
public final class DirectTransport implements AutoCloseable {

    private final JsonExchange exchange;

    private DirectTransport(JsonExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * A transport to the server at {@code server}, e.g. {@code https://tacit.example}; request paths are
     * resolved against it.
     */
    public static DirectTransport to(URI server) {
        return new DirectTransport(new JsonExchange(server, PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(JsonExchange.connectionConfig())
                .build()));
    }

    /** The server's root this transport resolves paths against. */
    public URI server() {
        return exchange.base();
    }

    /** POSTs {@code body} to {@code path} unsigned; returns the answer's JSON object (empty for no content). */
    public JsonObject post(String path, JsonObject body) throws TacitClientException {
        return exchange.post(path, body);
    }

    /**
     * Sends an account-scoped request signed by {@code signer} (docs/protocol.md §5); {@code body} may be null
     * for none. Returns the answer's JSON object (empty for no content).
     */
    public JsonObject signed(String method, String path, JsonObject body, RequestSigner signer)
            throws TacitClientException {
        return exchange.signed(method, path, body, signer);
    }

    /**
     * A signed GET of {@code path} whose answer stays open and is read as it arrives, such as the mailbox's event
     * stream; {@code headers} (for instance Last-Event-ID) go unsigned besides.
     */
    public HttpStream openSigned(String path, String accept, Map<String, String> headers, RequestSigner signer)
            throws TacitClientException {
        return exchange.openSigned(path, accept, headers, signer);
    }

    /** GETs {@code path}, accepting {@code accept}. */
    public HttpAnswer get(String path, String accept) throws TacitClientException {
        return exchange.get(path, accept);
    }

    /** GETs {@code path} as a JSON object. */
    public JsonObject getJson(String path, String accept) throws TacitClientException {
        return exchange.getJson(path, accept);
    }

    @Override
    public void close() {
        exchange.close();
    }

    @Override
    public String toString() {
        return "DirectTransport[" + exchange.base() + "]";
    }
}
