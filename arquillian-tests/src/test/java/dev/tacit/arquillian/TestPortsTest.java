package dev.tacit.arquillian;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the integration tests choose WildFly's port offset (TestPorts), against a simulated machine. */
class TestPortsTest {

    @Test
    void theDefaultsWhenTheyAreFree() {
        assertEquals(0, TestPorts.choose(null, port -> true).offset());
    }

    @Test
    void aFreeOffsetWhenADefaultPortIsTaken() {
        TestPorts.Choice choice = TestPorts.choose(null, port -> port != 9990);

        assertNotEquals(0, choice.offset());
        assertTrue(choice.offset() >= 1000 && 9993 + choice.offset() < 32768, "below the ephemeral ports: " + choice);
        assertTrue(choice.reason().contains("9990"), choice.reason());
    }

    @Test
    void theConfiguredOffsetWhenItsPortsAreFree() {
        assertEquals(200, TestPorts.choose(" 200 ", port -> true).offset());
    }

    @Test
    void aConfiguredOffsetWhosePortIsTakenFailsNamingThePort() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> TestPorts.choose("200", port -> port != 10190));

        assertTrue(failure.getMessage().contains("10190"), failure.getMessage());
    }
}
