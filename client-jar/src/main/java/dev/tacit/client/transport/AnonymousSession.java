package dev.tacit.client.transport;

import jakarta.json.JsonObject;

import dev.tacit.client.TacitClientException;

/**
 * One anonymous operation's channel to the server, opened by {@link AnonymousTransport#open()}: its requests go
 * through the SOCKS5 proxy with this session's own credentials, on a connection no other session uses. It
 * offers no signed requests: a signature would name the account. Not thread-safe; close it when the operation
 * is done.
 */
public final class AnonymousSession implements AutoCloseable {

    private final JsonExchange exchange;

    AnonymousSession(JsonExchange exchange) {
        this.exchange = exchange;
    }

    /** POSTs {@code body} to {@code path}; returns the answer's JSON object (empty for no content). */
    public JsonObject post(String path, JsonObject body) throws TacitClientException {
        return exchange.post(path, body);
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
        return "AnonymousSession[" + exchange.base() + "]";
    }
}
