package dev.tacit.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import dev.tacit.client.Inbox;
import dev.tacit.client.InboxFollower;
import dev.tacit.client.ReceivedMessage;
import dev.tacit.client.Release;
import dev.tacit.client.TacitClientException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tacit inbox}: read the mailbox, once or as messages arrive. */
@Command(name = "inbox", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Read new messages.",
        description = {
            "Reads the mailbox over the signed channel, opens each message and checks its sender's certificate "
                    + "against the pinned CA, keeps the conversations in the state, and only then deletes the "
                    + "messages from the server. A first contact says so: release its sender's token if it was "
                    + "welcome (tacit release <number>), or report it (tacit report-spam <number>). Messages that "
                    + "do not check out are dropped and counted. Releases whose planned time has come are sent too.",
            "",
            "With --follow it stays connected to the mailbox's live stream and prints each message as it arrives "
                    + "(first those still in the mailbox), with --json one JSON object per line: "
                    + "{\"event\":\"following\"} once connected, then {\"event\":\"message\",...} per message, "
                    + "{\"event\":\"dropped\",\"count\":n}, {\"event\":\"release-sent\",\"from\":...} and "
                    + "{\"event\":\"reconnecting\",...}. It runs until interrupted, or until --max messages "
                    + "were printed or --for has passed (exit code 0).",
            ""})
final class InboxCommand extends ClientCommand {

    @Option(names = "--follow", description = "Keep following the mailbox and print messages as they arrive.")
    boolean follow;

    @Option(names = "--max", paramLabel = "<n>", description = "With --follow: stop after this many messages.")
    Integer max;

    @Option(names = "--for", paramLabel = "<duration>", converter = TacitCli.DurationConverter.class,
            description = "With --follow: stop after this long, ISO-8601 (e.g. PT10M).")
    Duration duration;

    @Override
    void run() throws TacitClientException {
        if (!follow && (max != null || duration != null)) {
            throw usage(spec, "--max and --for go with --follow");
        }
        if (max != null && max < 1) {
            throw usage(spec, "--max takes a number of messages, 1 or more");
        }
        if (follow) {
            withClient((client, progress) -> {
                try (InboxFollower follower = client.follow()) {
                    follow(follower, () -> client.sendDueReleases());
                }
                return null;
            });
            return;
        }
        record Read(Inbox inbox, List<Release> releases) {
        }
        Read read = withClient((client, progress) -> {
            try (Progress.Step step = progress.step("Reading the mailbox")) {
                return new Read(client.receive(), client.sendDueReleases());
            }
        });
        JsonArrayBuilder messages = Json.createArrayBuilder();
        StringBuilder text = new StringBuilder();
        for (ReceivedMessage message : read.inbox().messages()) {
            messages.add(json(Json.createObjectBuilder(), message));
            text.append(text(message)).append(System.lineSeparator());
        }
        text.append(read.inbox().messages().size()).append(" new message(s)");
        if (read.inbox().dropped() > 0) {
            text.append(", ").append(read.inbox().dropped()).append(" dropped (did not check out)");
        }
        for (Release release : read.releases()) {
            text.append(String.format("%nSent the planned release of %s's token", release.from().e164()));
        }
        print(Json.createObjectBuilder().add("messages", messages).add("dropped", read.inbox().dropped())
                .add("releasesSent", read.releases().size()).build(), text.toString());
    }

    /** Sends the releases that are due. */
    @FunctionalInterface
    private interface DueReleases {
        List<Release> send() throws TacitClientException;
    }

    /** Prints updates, a line each, until --max messages were printed or --for has passed. */
    private void follow(InboxFollower follower, DueReleases dueReleases) throws TacitClientException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        int printed = 0;
        try {
            while (max == null || printed < max) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                Optional<InboxFollower.Update> update = follower.next(Duration.ofNanos(Math.min(left,
                        Duration.ofMinutes(1).toNanos())));
                if (update.isEmpty() && follower.isClosed()) {
                    return;
                }
                if (update.orElse(null) instanceof InboxFollower.Following) {
                    print(event("following").build(), "Following the mailbox; new messages appear here.");
                } else if (update.orElse(null) instanceof InboxFollower.Reconnecting reconnecting) {
                    print(event("reconnecting").add("delayMillis", reconnecting.delay().toMillis())
                                    .add("reason", String.valueOf(reconnecting.reason())).build(),
                            "Connection lost (" + reconnecting.reason() + "); connecting again in "
                                    + reconnecting.delay().toMillis() + " ms.");
                } else if (update.orElse(null) instanceof InboxFollower.Received received) {
                    for (ReceivedMessage message : received.inbox().messages()) {
                        print(json(event("message"), message).build(), text(message));
                        printed++;
                    }
                    if (received.inbox().dropped() > 0) {
                        print(event("dropped").add("count", received.inbox().dropped()).build(),
                                received.inbox().dropped() + " message(s) dropped (did not check out)");
                    }
                    for (Release release : dueReleases.send()) {
                        print(event("release-sent").add("from", release.from().e164()).build(),
                                "Sent the planned release of " + release.from().e164() + "'s token");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonObjectBuilder event(String name) {
        return Json.createObjectBuilder().add("event", name);
    }

    private static JsonObjectBuilder json(JsonObjectBuilder into, ReceivedMessage message) {
        return into.add("id", message.id()).add("from", message.from().e164())
                .add("receivedAt", message.receivedAt().toString()).add("firstContact", message.firstContact())
                .add("text", message.text());
    }

    private static String text(ReceivedMessage message) {
        return String.format("%s  %-16s %s%s", message.receivedAt(), message.from().e164(),
                message.firstContact() ? "[first contact] " : "", message.text());
    }
}
