package dev.tacit.local;

/**
 * Something the launcher found before or while starting that keeps Tacit from running, said as what it is
 * and how to fix it. The launcher prints the message and stops; no stack trace.
 */
final class StartupProblem extends Exception {

    private static final long serialVersionUID = 1L;

    StartupProblem(String message) {
        super(message);
    }
}
