package dev.tacit.cli;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import dev.tacit.client.Release;
import dev.tacit.client.TacitClientException;
import dev.tacit.crypto.identity.PhoneNumber;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tacit release}: give a welcome first contact's sender their token back. */
@Command(name = "release", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Give the sender of a welcome first contact their token back.",
        description = {
            "Releases the token that paid for <number>'s first contact, so that its sender can exchange it for a "
                    + "new one. By default the release is planned for a random time within the next 12 hours "
                    + "(--release-window), unrelated to anything else you do, so that the server cannot link it to "
                    + "your reply by its timing; it is sent by the first tacit inbox or tacit release run after "
                    + "that time. --now sends it at once. Without a number, sends the planned releases that are due.",
            ""})
final class ReleaseCommand extends ClientCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<+E.164>", description = "The first contact's sender.")
    String from;

    @Option(names = "--now", description = "Release at once, rather than at a random time.")
    boolean now;

    @Override
    void run() throws TacitClientException {
        PhoneNumber sender = from == null ? null : phoneNumber(spec, from);
        if (sender == null && now) {
            throw usage(spec, "--now needs the number whose token to release");
        }
        List<Release> releases = withClient((client, progress) -> {
            List<Release> all = new ArrayList<>();
            if (sender != null) {
                all.add(now ? client.releaseNow(sender) : client.release(sender));
            }
            all.addAll(client.sendDueReleases());
            return all;
        });
        JsonArrayBuilder json = Json.createArrayBuilder();
        StringBuilder text = new StringBuilder();
        for (Release release : releases) {
            json.add(Json.createObjectBuilder().add("from", release.from().e164()).add("sent", release.sent())
                    .add("at", release.at().toString()));
            text.append(release.sent()
                    ? String.format("Released %s's token (the server releases it at %s)%n", release.from().e164(), release.at())
                    : String.format("Planned the release of %s's token for %s%n", release.from().e164(), release.at()));
        }
        if (releases.isEmpty()) {
            text.append("No release is due\n");
        }
        print(Json.createObjectBuilder().add("releases", json).build(), text.toString().stripTrailing());
    }
}
