package dev.tacit.server.sms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DevelopmentSmsGatewayTest {

    @TempDir
    Path directory;

    @Test
    void writesTheLatestMessageToTheNumbersFile() throws IOException {
        DevelopmentSmsGateway gateway = new DevelopmentSmsGateway(directory.resolve("outbox"));

        gateway.send("+14155550100", "Your Tacit code: 111111");
        gateway.send("+14155550100", "Your Tacit code: 222222");

        assertEquals("Your Tacit code: 222222\n",
                Files.readString(directory.resolve("outbox").resolve("+14155550100.txt")));
        try (var files = Files.list(directory.resolve("outbox"))) {
            assertEquals(1, files.count(), "no partial files left behind");
        }
    }

    @Test
    void refusesFileNamesThatAreNotNumbers() {
        DevelopmentSmsGateway gateway = new DevelopmentSmsGateway(directory);

        assertThrows(IllegalArgumentException.class, () -> gateway.send("../../etc/passwd", "text"));
    }

    @Test
    void logsNeitherTheNumberNorTheCode() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(DevelopmentSmsGateway.class.getName());
        Level level = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try {
            new DevelopmentSmsGateway(directory).send("+14155550100", "Your Tacit code: 314159");
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(level);
        }

        assertEquals(1, lines.size(), "it says a message is waiting: " + lines);
        assertFalse(lines.get(0).contains("4155550100"), lines.get(0));
        assertFalse(lines.get(0).contains("314159"), lines.get(0));
    }
}
