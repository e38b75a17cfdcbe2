package dev.tacit.arquillian;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.jboss.dmr.ModelNode;

/**
 * Operators of the server under test, made as README's "Operating the batch jobs" tells an operator to: an
 * identity in the filesystem realm {@code tacit-operators} with a password and the role {@code tacit-operator}
 * (here through the management API, with the same operations the README gives for the CLI).
 */
public final class Operators {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REALM = "tacit-operators";

    private Operators() {
    }

    /** An operator's name and password. */
    public record Operator(String name, String password) {

        /** The value of an Authorization header with these credentials (HTTP Basic). */
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A new identity of the realm with a password and, if {@code operator}, the operator's role. */
    public static Operator create(boolean operator) {
        String name = "operator-" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
        String password = HexFormat.of().formatHex(RANDOM.generateSeed(12));
        ModelNode add = realmOperation("add-identity");
        add.get("identity").set(name);
        ServerManagement.execute(add);
        ModelNode setPassword = realmOperation("set-password");
        setPassword.get("identity").set(name);
        setPassword.get("digest", "algorithm").set("digest-sha-256");
        setPassword.get("digest", "realm").set("Tacit operator");
        setPassword.get("digest", "password").set(password);
        ServerManagement.execute(setPassword);
        if (operator) {
            ModelNode role = realmOperation("add-identity-attribute");
            role.get("identity").set(name);
            role.get("name").set("Roles");
            role.get("value").add("tacit-operator");
            ServerManagement.execute(role);
        }
        return new Operator(name, password);
    }

    /** Removes {@code operator}'s identity from the realm. */
    public static void remove(Operator operator) {
        ModelNode remove = realmOperation("remove-identity");
        remove.get("identity").set(operator.name());
        ServerManagement.execute(remove);
    }

    private static ModelNode realmOperation(String name) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("subsystem", "elytron").add("filesystem-realm", REALM);
        return operation;
    }
}
