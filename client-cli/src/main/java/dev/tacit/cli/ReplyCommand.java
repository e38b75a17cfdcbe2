package dev.tacit.cli;

import java.util.List;

import dev.tacit.client.SentMessage;
import dev.tacit.client.TacitClientException;
import dev.tacit.crypto.identity.PhoneNumber;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tacit reply}: a reply in a conversation, never a first contact. */
@Command(name = "reply", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Reply in a conversation (no token).",
        description = {
            "Replies to someone who has written to you in a conversation: the message is sealed with the "
                    + "conversation's keys and signed with the credential of their group they handed over, so the "
                    + "server sees that some member of their group sent it, not who; sent through the SOCKS5 proxy. "
                    + "Fails (exit 10) if there is no conversation with the number or they have not written back "
                    + "yet; it never spends a token (see send).",
            ""})
final class ReplyCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<+E.164>", description = "Whom to reply to.")
    String to;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<text>", description = "The message; words are joined by spaces.")
    List<String> text;

    @Override
    void run() throws TacitClientException {
        PhoneNumber recipient = phoneNumber(spec, to);
        String message = String.join(" ", text);
        SentMessage sent = withClient((client, progress) -> {
            try (Progress.Step step = progress.step("Replying to " + recipient.e164() + " through the proxy " + cli.proxy)) {
                return client.reply(recipient, message);
            }
        });
        print(jakarta.json.Json.createObjectBuilder().add("to", sent.to().e164()).add("id", sent.id())
                .add("firstContact", false).build(), "Replied to " + sent.to().e164()
                + ", signed as a member of their group (no token)");
    }
}
