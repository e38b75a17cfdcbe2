package dev.tacit.arquillian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * Runs every EJB timer of the deployed application once, now, through WildFly's management API
 * ({@code .../service=timer-service/timer=<id>:trigger}, which calls the timeout method and returns when it
 * has). Scheduled jobs, such as the hourly refresh of the rotating keys, follow the real clock; after the
 * tests move the server's clock they run them, as the time passed would have.
 */
final class ScheduledJobs {

    private static final List<String> BEAN_TYPES = List.of("singleton-bean", "stateless-session-bean",
            "message-driven-bean");

    private static ModelControllerClient client;

    private ScheduledJobs() {
    }

    static synchronized void runAll() {
        for (String beanType : BEAN_TYPES) {
            ModelNode timerServices = execute(readTimerServices(beanType));
            for (ModelNode timerService : timerServices.asList()) {
                ModelNode timers = timerService.get("result", "timer");
                if (!timers.isDefined()) {
                    continue;
                }
                for (String id : timers.keys()) {
                    ModelNode trigger = new ModelNode();
                    trigger.get("operation").set("trigger");
                    trigger.get("address").set(timerService.get("address")).add("timer", id);
                    execute(trigger);
                }
            }
        }
    }

    static synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // the server is gone with the suite; nothing to release
            }
            client = null;
        }
    }

    private static ModelNode readTimerServices(String beanType) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set("read-resource");
        operation.get("include-runtime").set(true);
        operation.get("recursive").set(true);
        ModelNode address = operation.get("address");
        address.add("deployment", "*");
        address.add("subdeployment", "*");
        address.add("subsystem", "ejb3");
        address.add(beanType, "*");
        address.add("service", "timer-service");
        return operation;
    }

    private static ModelNode execute(ModelNode operation) {
        try {
            if (client == null) {
                client = ModelControllerClient.Factory.create("remote+http", "localhost", TestPorts.management());
            }
            ModelNode result = client.execute(operation);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException("management operation failed: " + operation + " -> " + result);
            }
            return result.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach WildFly's management interface", e);
        }
    }
}
