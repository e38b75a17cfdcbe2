package dev.tacit.cli;

import jakarta.json.Json;

import dev.tacit.client.TacitClientException;
import dev.tacit.crypto.identity.PhoneNumber;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tacit report-spam}: burn an unwelcome first contact's token. */
@Command(name = "report-spam", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Report a first contact as spam: its token is burned.",
        description = {
            "Reports <number>'s first contacts to you as spam: their tokens are burned for good, so a sender "
                    + "whose first contacts are all reported runs out of tokens. The conversation and contact are "
                    + "forgotten. Signed, over the direct channel.",
            ""})
final class ReportSpamCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<+E.164>", description = "The first contact's sender.")
    String from;

    @Override
    void run() throws TacitClientException {
        PhoneNumber sender = phoneNumber(spec, from);
        withClient((client, progress) -> {
            client.reportSpam(sender);
            return null;
        });
        print(Json.createObjectBuilder().add("reported", sender.e164()).build(),
                "Reported " + sender.e164() + "'s first contact as spam: its token is burned");
    }
}
