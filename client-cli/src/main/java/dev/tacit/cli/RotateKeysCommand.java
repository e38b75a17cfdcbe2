package dev.tacit.cli;

import jakarta.json.Json;

import dev.tacit.client.TacitClientException;

import picocli.CommandLine.Command;

/** {@code tacit rotate-keys}: a new ratchet pre-key. */
@Command(name = "rotate-keys", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Publish a new pre-key, for the conversations others start from now on.",
        description = {
            "Replaces the account's signed ratchet pre-key, the key new conversations start from, and publishes it "
                    + "(signed, direct): a key that leaks later cannot open conversations started before the "
                    + "rotation. Read your inbox first: first contacts made against the old key that are still "
                    + "waiting no longer open. Conversations under way go on. (Moving to an entirely new identity "
                    + "key is tacit register --re-register.)",
            ""})
final class RotateKeysCommand extends ClientCommand {

    @Override
    void run() throws TacitClientException {
        withClient((client, progress) -> {
            try (Progress.Step step = progress.step("Publishing a new pre-key")) {
                client.rotateKeys();
            }
            return null;
        });
        print(Json.createObjectBuilder().add("rotated", true).build(), "Published a new pre-key");
    }
}
