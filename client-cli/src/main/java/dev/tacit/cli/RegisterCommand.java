package dev.tacit.cli;

import jakarta.json.Json;

import dev.tacit.client.Registration;
import dev.tacit.client.TacitClient;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.registration.SentCode;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.identity.PhoneNumber;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tacit register}: verify a number and register it, in two steps; or move the account to new keys. */
@Command(name = "register", sortOptions = false, mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Register a phone number (two runs), or move the account to new keys.",
        description = {
            "Registers a phone number in two runs:",
            "  tacit register --server <url> --number +14155550100",
            "      the server texts a six-digit code to the number; the first run creates the state directory,",
            "      asking for a new passphrase, if it holds none",
            "  tacit register --code 123456",
            "      confirms the code and registers: the account's keys, certificate and five first-contact",
            "      tokens are saved in the state",
            "  tacit register --re-register",
            "      moves the account to new keys, in a request signed by its current key (no code needed)",
            ""})
final class RegisterCommand extends ClientCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Step step;

    static final class Step {
        @Option(names = "--number", paramLabel = "<+E.164>",
                description = "Text a verification code to this number: +, country code, number, no spaces.")
        String number;

        @Option(names = "--code", paramLabel = "<digits>", description = "Confirm the texted code and register.")
        String code;

        @Option(names = "--re-register", description = "Register the account's number again with new keys.")
        boolean reRegister;
    }

    @Override
    void run() throws TacitClientException {
        Progress progress = progress();
        if (step.number != null) {
            PhoneNumber number = number(step.number);
            try (StateDirectory state = cli.openOrCreateState(progress); TacitClient client = cli.client(state)) {
                SentCode sent;
                try (Progress.Step asking = progress.step("Asking the server to text a code")) {
                    sent = client.requestCode(number);
                }
                print(Json.createObjectBuilder().add("number", number.e164()).add("codeSent", true)
                                .add("expiresAt", sent.expiresAt().toString()).build(),
                        "A code was texted to " + number.e164() + "; it is good until " + sent.expiresAt()
                                + ".\nConfirm it with: tacit register --code <digits>");
            }
            return;
        }
        try (StateDirectory state = cli.openState(progress); TacitClient client = cli.client(state)) {
            Registration registration;
            try (Progress.Step registering = progress.step(step.reRegister ? "Re-registering with new keys"
                    : "Generating keys and registering")) {
                registration = step.reRegister ? client.reRegister() : client.register(step.code);
            }
            print(Json.createObjectBuilder().add("number", registration.number().e164())
                            .add("registered", true).add("reRegistration", registration.reRegistration())
                            .add("tokensReceived", registration.tokensReceived()).build(),
                    (registration.reRegistration() ? "Re-registered " : "Registered ") + registration.number().e164()
                            + ": " + registration.tokensReceived() + " first-contact tokens received.");
        }
    }

    private PhoneNumber number(String typed) {
        try {
            return PhoneNumber.of(typed);
        } catch (MalformedEncodingException e) {
            throw usage(spec, "--number takes a number in E.164 form, + and 2 to 15 digits (e.g. +14155550100), not "
                    + typed);
        }
    }
}
