package dev.tacit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WildFly's {@code server.log} as the launcher reads it: from where this run's lines start, the first ERROR
 * record, reduced to its message and its innermost cause (the last {@code Caused by:} of its stack trace),
 * which is where WildFly's wrappers end and the actual reason begins.
 */
final class ServerLog {

    /** A record of WildFly's default file format starts with its timestamp: {@code 2026-11-30 17:43:27,182 }. */
    private static final Pattern RECORD_START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} .*");
    private static final Pattern ERROR_RECORD = Pattern.compile("^\\S+ \\S+ ERROR +\\[[^]]*] \\([^)]*\\) (.*)$");
    private static final String CAUSED_BY = "Caused by: ";

    private final Path file;
    private final Object fileKey;
    private final long start;

    private ServerLog(Path file, Object fileKey, long start) {
        this.file = file;
        this.fileKey = fileKey;
        this.start = start;
    }

    /** The log at {@code file} from its current end on: what a server started now writes. */
    static ServerLog fromNowOn(Path file) {
        if (!Files.exists(file)) {
            return new ServerLog(file, null, 0);
        }
        try {
            return new ServerLog(file, fileKey(file), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    Path file() {
        return file;
    }

    /** An ERROR record: its message, and its innermost cause if it has a stack trace. */
    record Error(String message, Optional<String> rootCause) {
    }

    /** The first ERROR this run has logged, if any. */
    Optional<Error> firstError() {
        List<String> record = null;
        for (String line : linesOfThisRun()) {
            if (RECORD_START.matcher(line).matches()) {
                if (record != null) {
                    break;
                }
                if (ERROR_RECORD.matcher(line).matches()) {
                    record = new ArrayList<>();
                }
            }
            if (record != null) {
                record.add(line);
            }
        }
        if (record == null) {
            return Optional.empty();
        }
        var message = ERROR_RECORD.matcher(record.get(0));
        message.matches();
        Optional<String> rootCause = record.stream()
                .map(String::strip)
                .filter(line -> line.startsWith(CAUSED_BY))
                .reduce((earlier, later) -> later)
                .map(line -> line.substring(CAUSED_BY.length()));
        return Optional.of(new Error(message.group(1), rootCause));
    }

    /** Whether this run's log has a line containing {@code text}. */
    boolean contains(String text) {
        return linesOfThisRun().stream().anyMatch(line -> line.contains(text));
    }

    private List<String> linesOfThisRun() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            // A log rotated since (a new day) is another file: then the whole file is this run's.
            boolean sameFile = fileKey != null && fileKey.equals(fileKey(file));
            byte[] bytes = Files.readAllBytes(file);
            int from = sameFile && bytes.length >= start ? (int) start : 0;
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
