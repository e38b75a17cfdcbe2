package dev.tacit.cli;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import dev.tacit.client.AccountStatus;
import dev.tacit.client.TacitClient;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.state.StateDirectory;

import picocli.CommandLine.Command;

/** {@code tacit status}: the account as the server holds it, and whether anonymous operations can get through. */
@Command(name = "status", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Show the account as the server holds it, and whether the proxy gets through.",
        description = {
            "Shows the account as the server holds it (a request signed by the account's key): its number, when it "
                    + "registered, the tokens issued and held, and whether the keys the server publishes are this "
                    + "state's. Then checks that the SOCKS5 proxy gets anonymous requests through to the server (a "
                    + "read of public information on a circuit of its own); an unreachable proxy is reported and does "
                    + "not fail the command.",
            ""})
final class StatusCommand extends ClientCommand {

    @Override
    void run() throws TacitClientException {
        Progress progress = progress();
        try (StateDirectory state = cli.openState(progress); TacitClient client = cli.client(state)) {
            AccountStatus status;
            try (Progress.Step asking = progress.step("Asking the server (signed)")) {
                status = client.status();
            }
            String proxyProblem = null;
            try (Progress.Step connecting = progress.step("Connecting through the proxy " + cli.proxy)) {
                client.checkProxy();
            } catch (TacitClientException e) {
                proxyProblem = e.getMessage();
            }
            JsonObjectBuilder proxy = Json.createObjectBuilder().add("address", cli.proxy.toString())
                    .add("reachable", proxyProblem == null);
            if (proxyProblem != null) {
                proxy.add("problem", proxyProblem);
            }
            print(Json.createObjectBuilder()
                            .add("number", status.number().e164())
                            .add("server", client.direct().server().toString())
                            .add("registeredAt", status.registeredAt().toString())
                            .add("tokensIssued", status.tokensIssued())
                            .add("unspentFirstContactTokens", status.unspentTokens())
                            .add("keysMatch", status.keysMatch())
                            .add("proxy", proxy).build(),
                    String.join("\n",
                            "Account   " + status.number().e164() + " on " + client.direct().server(),
                            "Registered " + status.registeredAt(),
                            "Tokens    " + status.unspentTokens() + " first-contact tokens held, "
                                    + status.tokensIssued() + " of 5 issued",
                            "Keys      " + (status.keysMatch() ? "the server publishes this state's keys"
                                    : "the server publishes other keys: another device re-registered the number"),
                            "Proxy     " + cli.proxy + (proxyProblem == null ? " gets anonymous requests through"
                                    : " does not get through: " + proxyProblem)));
        }
    }
}
