package dev.tacit.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The application's one JSON-B instance, for JAX-RS and for the servlets that write JSON themselves. Without a
 * {@code ContextResolver<Jsonb>}, RESTEasy builds a new {@code Jsonb} for every body it reads or writes, and Yasson
 * then looks its providers up and introspects the bound classes afresh each time: several milliseconds of CPU per
 * request, most of a send's cost (benchmarks/README.md, "Sends over HTTP"). A {@code Jsonb} is thread-safe, and
 * it caches what it learnt of each class.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    public static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
