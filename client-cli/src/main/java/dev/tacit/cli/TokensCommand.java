package dev.tacit.cli;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import dev.tacit.client.TacitClientException;
import dev.tacit.client.TokenRefresh;
import dev.tacit.client.TokenSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tacit tokens}: the tokens this state holds; with --refresh, bring released ones back. */
@Command(name = "tokens", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Show the tokens this state holds; --refresh brings released ones back.",
        description = {
            "Shows the tokens this state holds: unspent first-contact tokens (each pays for a first message to "
                    + "someone who has not written back yet), first-contact tokens spent and not back yet, "
                    + "discovery tokens of the current window, and first contacts you received that await a release "
                    + "or a spam report. Asks nothing of the server, unless --refresh: then it asks what became of "
                    + "each spent token, each anonymously through the proxy on a circuit of its own, and exchanges "
                    + "the released ones for new tokens.",
            ""})
final class TokensCommand extends ClientCommand {

    @Option(names = "--refresh", description = "Ask what became of the spent tokens and exchange the released ones.")
    boolean refresh;

    @Override
    void run() throws TacitClientException {
        record Seen(TokenSummary tokens, TokenRefresh refresh) {
        }
        Seen seen = withClient((client, progress) -> {
            TokenRefresh refreshed = null;
            if (refresh) {
                try (Progress.Step step = progress.step("Asking about spent tokens through the proxy " + cli.proxy)) {
                    refreshed = client.refreshTokens();
                }
            }
            return new Seen(client.tokens(), refreshed);
        });
        TokenSummary tokens = seen.tokens();
        JsonObjectBuilder json = Json.createObjectBuilder().add("firstContact", tokens.firstContact())
                .add("discovery", tokens.discovery()).add("awaitingReturn", tokens.awaiting())
                .add("heldFirstContacts", tokens.heldFirstContacts()).add("plannedReleases", tokens.plannedReleases());
        tokens.nextRelease().ifPresent(next -> json.add("nextRelease", next.toString()));
        StringBuilder text = new StringBuilder();
        if (seen.refresh() != null) {
            TokenRefresh refreshed = seen.refresh();
            json.add("refresh", Json.createObjectBuilder().add("checked", refreshed.checked())
                    .add("refreshed", refreshed.refreshed()).add("gone", refreshed.gone())
                    .add("waiting", refreshed.waiting()));
            text.append(String.format("Checked %d spent token(s): %d came back, %d are gone (burned), %d still with"
                    + " their recipient%n", refreshed.checked(), refreshed.refreshed(), refreshed.gone(),
                    refreshed.waiting()));
        }
        text.append(tokens.firstContact()).append(" first-contact tokens, ").append(tokens.awaiting())
                .append(" spent and not back yet, ").append(tokens.discovery()).append(" discovery tokens");
        if (tokens.heldFirstContacts() > 0) {
            text.append(String.format("%n%d first contact(s) received await a release or a spam report (%d release(s)"
                    + " planned%s)", tokens.heldFirstContacts(), tokens.plannedReleases(),
                    tokens.nextRelease().map(next -> ", the next at " + next).orElse("")));
        }
        print(json.build(), text.toString());
    }
}
