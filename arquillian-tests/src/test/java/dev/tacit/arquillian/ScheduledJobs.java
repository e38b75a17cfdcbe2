package dev.tacit.arquillian;

import java.util.List;

import org.jboss.dmr.ModelNode;

/**
 * Runs every EJB timer of the deployed application once, now, through WildFly's management API
 * ({@code .../service=timer-service/timer=<id>:trigger}, which calls the timeout method and returns when it
 * has). Scheduled jobs, such as the hourly refresh of the rotating keys, follow the real clock; after the
 * tests move the server's clock they run them, as the time passed would have. The timers of the batch jobs start
 * executions, which run on their own threads: it returns once none is running any more.
 */
final class ScheduledJobs {

    private static final List<String> BEAN_TYPES = List.of("singleton-bean", "stateless-session-bean",
            "message-driven-bean");

    private ScheduledJobs() {
    }

    static synchronized void runAll() {
        for (String beanType : BEAN_TYPES) {
            ModelNode timerServices = ServerManagement.execute(readTimerServices(beanType));
            for (ModelNode timerService : timerServices.asList()) {
                ModelNode timers = timerService.get("result", "timer");
                if (!timers.isDefined()) {
                    continue;
                }
                for (String id : timers.keys()) {
                    ModelNode trigger = new ModelNode();
                    trigger.get("operation").set("trigger");
                    trigger.get("address").set(timerService.get("address")).add("timer", id);
                    ServerManagement.execute(trigger);
                }
            }
        }
        BatchJobs.awaitIdle();
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
}
