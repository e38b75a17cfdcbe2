package dev.tacit.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import dev.tacit.client.TacitClient;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.discovery.ContactLookup;
import dev.tacit.client.discovery.DiscoveryClient;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.TokenPurpose;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tacit discover}: which of some phone numbers have a Tacit account. */
@Command(name = "discover", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Look phone numbers up: which have a Tacit account.",
        description = {
            "Looks the numbers up anonymously: through the SOCKS5 proxy, on a circuit of its own, paying one "
                    + "discovery token per number. The tokens come from the account's allowance for the current "
                    + "window, fetched over the signed channel when too few are held; when the allowance is spent "
                    + "the command says when the next window starts. A registered number's keys are checked "
                    + "against the CA pinned at registration. If the proxy cannot be reached nothing is sent and "
                    + "no token is spent.",
            ""})
final class DiscoverCommand extends ClientCommand {

    @Parameters(arity = "1..*", paramLabel = "<+E.164>",
            description = "Up to " + DiscoveryClient.MAX_PER_REQUEST + " distinct numbers: +, country code, number.")
    List<String> numbers;

    @Override
    void run() throws TacitClientException {
        List<PhoneNumber> asked = numbers();
        Progress progress = progress();
        try (StateDirectory state = cli.openState(progress); TacitClient client = cli.client(state)) {
            List<ContactLookup> found;
            try (Progress.Step lookingUp = progress.step("Looking " + asked.size() + " number(s) up through the proxy "
                    + cli.proxy)) {
                found = client.discover(asked);
            }
            int tokensLeft = state.state().tokens(TokenPurpose.DISCOVERY).size();
            JsonArrayBuilder results = Json.createArrayBuilder();
            StringBuilder text = new StringBuilder();
            for (ContactLookup lookup : found) {
                boolean registered = lookup instanceof ContactLookup.Registered;
                results.add(Json.createObjectBuilder().add("number", lookup.number().e164())
                        .add("registered", registered));
                text.append(String.format("%-16s %s%n", lookup.number().e164(),
                        registered ? "has a Tacit account (keys checked)" : "has no Tacit account"));
            }
            text.append(tokensLeft).append(" discovery token(s) left in this window");
            print(Json.createObjectBuilder().add("results", results).add("discoveryTokensLeft", tokensLeft).build(),
                    text.toString());
        }
    }

    private List<PhoneNumber> numbers() {
        if (numbers.size() > DiscoveryClient.MAX_PER_REQUEST || new HashSet<>(numbers).size() != numbers.size()) {
            throw usage(spec, "give 1 to " + DiscoveryClient.MAX_PER_REQUEST + " distinct numbers");
        }
        List<PhoneNumber> parsed = new ArrayList<>(numbers.size());
        for (String typed : numbers) {
            try {
                parsed.add(PhoneNumber.of(typed));
            } catch (MalformedEncodingException e) {
                throw usage(spec, "numbers take the E.164 form, + and 2 to 15 digits (e.g. +14155550100), not " + typed);
            }
        }
        return parsed;
    }
}
