package dev.tacit.arquillian;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/** WildFly's management API on the server under test, over one connection for the whole suite. */
final class ServerManagement {

    private static ModelControllerClient client;

    private ServerManagement() {
    }

    static synchronized ModelControllerClient client() {
        if (client == null) {
            try {
                client = ModelControllerClient.Factory.create("remote+http", "localhost", TestPorts.management());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach WildFly's management interface", e);
            }
        }
        return client;
    }

    /** Runs {@code operation} and returns its result; @throws IllegalStateException if it did not succeed */
    static ModelNode execute(ModelNode operation) {
        try {
            ModelNode result = client().execute(operation);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException("management operation failed: " + operation + " -> " + result);
            }
            return result.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach WildFly's management interface", e);
        }
    }

    static synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // the server is going away with the suite; nothing to release
            }
            client = null;
        }
    }
}
