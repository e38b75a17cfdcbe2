package dev.tacit.cli;

import java.io.PrintStream;

/**
 * A spinner with the elapsed time on standard error while a slow step runs (deriving the state key, generating
 * keys, connecting through the proxy), when standard error is a terminal and the output is for people; nothing
 * otherwise, so that scripts and {@code --json} see only the result.
 */
final class Progress {

    private static final String FRAMES = "|/-\\";

    private final PrintStream err;
    private final boolean enabled;

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** A step shown until it is closed. */
    Step step(String what) {
        return new Step(what);
    }

    /** One step; close it when done. */
    final class Step implements AutoCloseable {

        private final String what;
        private final long started = System.nanoTime();
        private final Thread spinner;
        private volatile boolean done;

        private Step(String what) {
            this.what = what;
            if (enabled) {
                spinner = new Thread(this::spin, "tacit-progress");
                spinner.setDaemon(true);
                spinner.start();
            } else {
                spinner = null;
            }
        }

        private void spin() {
            for (int frame = 0; !done; frame++) {
                synchronized (err) {
                    err.printf("\r%c %s %.1f s", FRAMES.charAt(frame % FRAMES.length()), what, elapsed());
                    err.flush();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private double elapsed() {
            return (System.nanoTime() - started) / 1e9;
        }

        @Override
        public void close() {
            if (spinner == null) {
                return;
            }
            done = true;
            spinner.interrupt();
            try {
                spinner.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (err) {
                err.printf("\r  %s %.1f s%n", what, elapsed());
                err.flush();
            }
        }
    }
}
