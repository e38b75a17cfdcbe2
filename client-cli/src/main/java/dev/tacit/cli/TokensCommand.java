package dev.tacit.cli;

import jakarta.json.Json;

import dev.tacit.client.TacitClientException;
import dev.tacit.client.TokenSummary;
import dev.tacit.client.state.StateDirectory;

import picocli.CommandLine.Command;

/** {@code tacit tokens}: the unspent tokens this state holds. */
@Command(name = "tokens", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Show the unspent tokens this state holds.",
        description = {
            "Shows the unspent tokens this state holds: first-contact tokens (each pays for a first message to "
                    + "someone who has not written back yet) and discovery tokens of the current window. Asks "
                    + "nothing of the server.",
            ""})
final class TokensCommand extends ClientCommand {

    @Override
    void run() throws TacitClientException {
        try (StateDirectory state = cli.openState(progress())) {
            TokenSummary tokens = TokenSummary.of(state.state());
            print(Json.createObjectBuilder().add("firstContact", tokens.firstContact())
                            .add("discovery", tokens.discovery()).build(),
                    tokens.firstContact() + " first-contact tokens, " + tokens.discovery() + " discovery tokens");
        }
    }
}
