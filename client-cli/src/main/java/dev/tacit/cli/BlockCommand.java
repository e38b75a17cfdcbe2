package dev.tacit.cli;

import jakarta.json.Json;

import dev.tacit.client.Blocked;
import dev.tacit.client.TacitClientException;
import dev.tacit.crypto.identity.PhoneNumber;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tacit block}: revoke a contact's member credentials. */
@Command(name = "block", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Block a contact: their replies are refused from now on.",
        description = {
            "Revokes the member credentials of your group you handed <number> (the credentials that let them "
                    + "reply without tokens) by updating your group key, and uploads the update, signed, over the "
                    + "direct channel. The server learns that you blocked someone, not whom. Your other contacts' "
                    + "replies catch up with the new key by themselves; theirs are refused, and their first contacts "
                    + "to you are dropped unread. Blocking again uploads what an interrupted block could not.",
            ""})
final class BlockCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<+E.164>", description = "The contact to block.")
    String contact;

    @Override
    void run() throws TacitClientException {
        PhoneNumber number = phoneNumber(spec, contact);
        Blocked blocked = withClient((client, progress) -> {
            try (Progress.Step step = progress.step("Updating the group key")) {
                return client.block(number);
            }
        });
        print(Json.createObjectBuilder().add("blocked", number.e164())
                        .add("membersRevoked", blocked.membersRevoked())
                        .add("groupKeyEpoch", blocked.groupKeyEpoch()).build(),
                "Blocked " + number.e164() + " (" + blocked.membersRevoked() + " credential"
                        + (blocked.membersRevoked() == 1 ? "" : "s") + " revoked)");
    }
}
