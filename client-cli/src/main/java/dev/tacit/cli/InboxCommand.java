package dev.tacit.cli;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import dev.tacit.client.Inbox;
import dev.tacit.client.ReceivedMessage;
import dev.tacit.client.Release;
import dev.tacit.client.TacitClientException;

import picocli.CommandLine.Command;

/** {@code tacit inbox}: read the mailbox. */
@Command(name = "inbox", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Read new messages.",
        description = {
            "Reads the mailbox over the signed channel, opens each message and checks its sender's certificate "
                    + "against the pinned CA, keeps the conversations in the state, and only then deletes the "
                    + "messages from the server. A first contact says so: release its sender's token if it was "
                    + "welcome (tacit release <number>), or report it (tacit report-spam <number>). Messages that "
                    + "do not check out are dropped and counted. Releases whose planned time has come are sent too.",
            ""})
final class InboxCommand extends ClientCommand {

    @Override
    void run() throws TacitClientException {
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
            messages.add(Json.createObjectBuilder().add("id", message.id()).add("from", message.from().e164())
                    .add("receivedAt", message.receivedAt().toString()).add("firstContact", message.firstContact())
                    .add("text", message.text()));
            text.append(String.format("%s  %-16s %s%s%n", message.receivedAt(), message.from().e164(),
                    message.firstContact() ? "[first contact] " : "", message.text()));
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
}
