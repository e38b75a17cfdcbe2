package dev.tacit.server.sms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
