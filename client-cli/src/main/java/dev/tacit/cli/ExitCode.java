package dev.tacit.cli;

import dev.tacit.client.NoPendingCodeException;
import dev.tacit.client.NoSuchContactException;
import dev.tacit.client.NotRegisteredException;
import dev.tacit.client.ProblemResponseException;
import dev.tacit.client.ProxyUnreachableException;
import dev.tacit.client.RateLimitedException;
import dev.tacit.client.ServerChangedException;
import dev.tacit.client.ServerUnreachableException;
import dev.tacit.client.TacitClientException;
import dev.tacit.client.discovery.DiscoveryAllowanceSpentException;
import dev.tacit.client.discovery.UntrustedKeyBundleException;
import dev.tacit.client.messages.OutOfTokensException;
import dev.tacit.client.messages.RecipientNotRegisteredException;
import dev.tacit.client.registration.RegistrationLockedException;
import dev.tacit.client.reputation.NotEnoughStampsException;
import dev.tacit.client.state.StateException;
import dev.tacit.client.state.WrongPassphraseException;

/**
 * The command's exit codes, for scripts: one per kind of outcome, the same for every command (and listed by
 * {@code tacit --help}).
 */
public enum ExitCode {

    OK(0, "done"),
    FAILED(1, "an unexpected failure (a bug: please report it)"),
    USAGE(2, "the command line is wrong: an unknown command or option, a missing or bad value"),
    REFUSED(3, "the server refused the request; its problem type is printed"),
    RATE_LIMITED(4, "a limit is spent: try again after the time printed"),
    SERVER_UNREACHABLE(5, "the server could not be reached, or answered outside the protocol"),
    PROXY_UNREACHABLE(6, "the SOCKS5 proxy (Tor) could not be reached: nothing was sent"),
    REGISTRATION_LOCKED(7, "the number's account is in use: re-register with its key, or wait for the lock to lapse"),
    WRONG_PASSPHRASE(8, "the passphrase does not open the state directory"),
    STATE_UNUSABLE(9, "the state directory is missing, in use by another tacit, damaged or not writable"),
    STEP_MISSING(10, "a step is missing: register, request a code, or start a conversation first"),
    SERVER_CHANGED(11, "the server is another installation than the account's: register again"),
    UNTRUSTED_KEYS(12, "the server answered with keys that do not check out against the pinned CA: none was used"),
    RECIPIENT_NOT_REGISTERED(13, "the recipient has no Tacit account"),
    OUT_OF_TOKENS(14, "no first-contact token is left; released ones come back with tokens --refresh"),
    NOT_ENOUGH_STAMPS(15, "fewer reputation stamps are held than a first-contact token costs");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The exit code of a failure. */
    static ExitCode of(TacitClientException failure) {
        if (failure instanceof RateLimitedException || failure instanceof DiscoveryAllowanceSpentException) {
            return RATE_LIMITED;
        }
        if (failure instanceof RecipientNotRegisteredException) {
            return RECIPIENT_NOT_REGISTERED;
        }
        if (failure instanceof OutOfTokensException) {
            return OUT_OF_TOKENS;
        }
        if (failure instanceof NotEnoughStampsException) {
            return NOT_ENOUGH_STAMPS;
        }
        if (failure instanceof RegistrationLockedException) {
            return REGISTRATION_LOCKED;
        }
        if (failure instanceof ProblemResponseException) {
            return REFUSED;
        }
        if (failure instanceof ProxyUnreachableException) {
            return PROXY_UNREACHABLE;
        }
        if (failure instanceof ServerUnreachableException) {
            return SERVER_UNREACHABLE;
        }
        if (failure instanceof WrongPassphraseException) {
            return WRONG_PASSPHRASE;
        }
        if (failure instanceof StateException) {
            return STATE_UNUSABLE;
        }
        if (failure instanceof NotRegisteredException || failure instanceof NoPendingCodeException
                || failure instanceof NoSuchContactException) {
            return STEP_MISSING;
        }
        if (failure instanceof ServerChangedException) {
            return SERVER_CHANGED;
        }
        if (failure instanceof UntrustedKeyBundleException) {
            return UNTRUSTED_KEYS;
        }
        return FAILED;
    }

    /** The table {@code --help} prints. */
    static String table() {
        StringBuilder table = new StringBuilder();
        for (ExitCode exit : values()) {
            table.append(String.format("  %2d  %s%n", exit.code, exit.meaning));
        }
        return table.toString();
    }
}
