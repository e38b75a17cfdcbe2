package dev.tacit.cli;

import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import dev.tacit.client.StampRedemption;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.TokenRefresh;
import dev.tacit.client.TokenSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tacit tokens}: the tokens this state holds; with --refresh, bring released ones back (each with a reputation
 * stamp); with --redeem, redeem stamps for a first-contact token now. A redemption whose planned time has come is sent
 * either way.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Show the tokens this state holds; --refresh brings released ones back, --redeem turns stamps into a"
                + " token.",
        description = {
            "Shows the tokens this state holds: unspent first-contact tokens (each pays for a first message to "
                    + "someone who has not written back yet), first-contact tokens spent and not back yet, "
                    + "discovery tokens of the current window, and first contacts you received that await a release "
                    + "or a spam report. Asks nothing of the server, unless --refresh: then it asks what became of "
                    + "each spent token, each anonymously through the proxy on a circuit of its own, and exchanges "
                    + "the released ones for new tokens, each with a reputation stamp.",
            "",
            "Stamps: once enough are held (the server says how many a token costs), a redemption is planned at a "
                    + "random time within the release window, so that the signed redemption does not follow the "
                    + "anonymous refreshes at once; this command sends it when that time has come. --redeem redeems "
                    + "now, which lets the server link the redemption to refreshes just made by their timing.",
            ""})
final class TokensCommand extends ClientCommand {

    @Option(names = "--refresh", description = "Ask what became of the spent tokens and exchange the released ones.")
    boolean refresh;

    @Option(names = "--redeem", description = "Redeem reputation stamps for a first-contact token now (signed).")
    boolean redeem;

    @Override
    void run() throws TacitClientException {
        record Seen(TokenSummary tokens, TokenRefresh refresh, Optional<StampRedemption> redemption) {
        }
        Seen seen = withClient((client, progress) -> {
            TokenRefresh refreshed = null;
            if (refresh) {
                try (Progress.Step step = progress.step("Asking about spent tokens through the proxy " + cli.proxy)) {
                    refreshed = client.refreshTokens();
                }
            }
            Optional<StampRedemption> redemption = redeem ? Optional.of(client.redeemStamps())
                    : client.redeemDueStamps();
            return new Seen(client.tokens(), refreshed, redemption);
        });
        TokenSummary tokens = seen.tokens();
        JsonObjectBuilder json = Json.createObjectBuilder().add("firstContact", tokens.firstContact())
                .add("discovery", tokens.discovery()).add("awaitingReturn", tokens.awaiting())
                .add("heldFirstContacts", tokens.heldFirstContacts()).add("plannedReleases", tokens.plannedReleases());
        tokens.nextRelease().ifPresent(next -> json.add("nextRelease", next.toString()));
        json.add("stamps", tokens.stamps());
        tokens.plannedRedemption().ifPresent(at -> json.add("plannedRedemption", at.toString()));
        StringBuilder text = new StringBuilder();
        if (seen.refresh() != null) {
            TokenRefresh refreshed = seen.refresh();
            json.add("refresh", Json.createObjectBuilder().add("checked", refreshed.checked())
                    .add("refreshed", refreshed.refreshed()).add("gone", refreshed.gone())
                    .add("waiting", refreshed.waiting()).add("stamps", refreshed.stamps()));
            text.append(String.format("Checked %d spent token(s): %d came back (with %d stamp(s)), %d are gone"
                    + " (burned), %d still with their recipient%n", refreshed.checked(), refreshed.refreshed(),
                    refreshed.stamps(), refreshed.gone(), refreshed.waiting()));
        }
        if (seen.redemption().isPresent()) {
            StampRedemption redeemed = seen.redemption().get();
            json.add("redemption", Json.createObjectBuilder().add("stampsSpent", redeemed.stampsSpent())
                    .add("grantsLeft", redeemed.grantsLeft()).add("periodEnd", redeemed.periodEnd().toString()));
            text.append(String.format("Redeemed %d stamps for a first-contact token; %d more may be redeemed until %s%n",
                    redeemed.stampsSpent(), redeemed.grantsLeft(), redeemed.periodEnd()));
        }
        text.append(tokens.firstContact()).append(" first-contact tokens, ").append(tokens.awaiting())
                .append(" spent and not back yet, ").append(tokens.discovery()).append(" discovery tokens, ")
                .append(tokens.stamps()).append(" reputation stamps")
                .append(tokens.plannedRedemption().map(at -> " (redeemed at " + at + ")").orElse(""));
        if (tokens.heldFirstContacts() > 0) {
            text.append(String.format("%n%d first contact(s) received await a release or a spam report (%d release(s)"
                    + " planned%s)", tokens.heldFirstContacts(), tokens.plannedReleases(),
                    tokens.nextRelease().map(next -> ", the next at " + next).orElse("")));
        }
        print(json.build(), text.toString());
    }
}
