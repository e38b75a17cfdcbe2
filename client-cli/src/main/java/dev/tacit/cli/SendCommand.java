package dev.tacit.cli;

import java.util.List;

import jakarta.json.Json;

import dev.tacit.client.SentMessage;
import dev.tacit.client.TacitClientException;
import dev.tacit.crypto.identity.PhoneNumber;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tacit send}: a message to a number, a first contact or a reply, whichever it can be. */
@Command(name = "send", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Send a message: a reply if you can, else a first contact paid with a token.",
        description = {
            "Sends the text anonymously, through the SOCKS5 proxy on a circuit of its own. To someone who has "
                    + "written to you in a conversation (and so handed over a credential of their group), it is a "
                    + "reply, signed as an anonymous member of their group: no token. Otherwise it starts a "
                    + "conversation: their keys are looked up (one discovery token, unless stored) and checked "
                    + "against the pinned CA, and the first contact is paid with one of your first-contact tokens, "
                    + "which comes back when they release it (tokens --refresh). If the proxy cannot be reached "
                    + "nothing is sent and no token is spent.",
            ""})
final class SendCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<+E.164>", description = "The recipient's number.")
    String to;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<text>", description = "The message; words are joined by spaces.")
    List<String> text;

    @Option(names = "--first-contact", description = "Start a new conversation even if you could reply.")
    boolean firstContact;

    @Override
    void run() throws TacitClientException {
        PhoneNumber recipient = phoneNumber(spec, to);
        String text = String.join(" ", this.text);
        record Sent(SentMessage message, int tokensLeft) {
        }
        Sent done = withClient((client, progress) -> {
            try (Progress.Step step = progress.step("Sending to " + recipient.e164() + " through the proxy " + cli.proxy)) {
                SentMessage message = firstContact ? client.startConversation(recipient, text)
                        : client.send(recipient, text);
                return new Sent(message, client.tokens().firstContact());
            }
        });
        SentMessage sent = done.message();
        int left = done.tokensLeft();
        print(Json.createObjectBuilder().add("to", sent.to().e164()).add("id", sent.id())
                        .add("firstContact", sent.firstContact()).add("firstContactTokensLeft", left).build(),
                sent.firstContact()
                        ? "Sent a first contact to " + sent.to().e164() + ", paid with a token (" + left + " left)"
                        : "Replied to " + sent.to().e164() + ", signed as a member of their group (no token)");
    }
}
