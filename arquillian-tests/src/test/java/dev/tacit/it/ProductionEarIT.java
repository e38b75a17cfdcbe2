package dev.tacit.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.tacit.arquillian.TacitDeployment;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test clock stays out of production: tacit.ear as built contains no class of the tests, no CDI
 * alternative (nothing that could replace the system clock), no beans.xml that selects one, and only its two
 * modules. The same inspection of the tests' deployment finds the clock, so the inspection can fail.
 */
class ProductionEarIT {

    private static final byte[] ALTERNATIVE = "Ljakarta/enterprise/inject/Alternative;".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theBuiltEarHasNoTestClockNorAnyAlternative() throws IOException {
        Contents built = Contents.of(Files.readAllBytes(Path.of(System.getProperty("tacit.ear"))));

        assertEquals(List.of(), built.testClasses, "no class of the tests");
        assertEquals(List.of(), built.alternatives, "no CDI alternative");
        assertEquals(List.of(), built.selectingBeansXml, "no beans.xml selects an alternative");
        assertTrue(built.applicationXml.contains("<web-uri>tacit-web.war</web-uri>"), built.applicationXml);
        assertTrue(built.applicationXml.contains("<ejb>tacit-ejb.jar</ejb>"), built.applicationXml);
        assertTrue(built.applicationXml.contains("<ejb>tacit-batch.jar</ejb>"), built.applicationXml);
        assertEquals(3, built.applicationXml.split("<module>", -1).length - 1, built.applicationXml);
        assertTrue(built.classCount > 100, "the EAR's classes were inspected: " + built.classCount);
    }

    @Test
    void theTestDeploymentIsTheBuiltEarPlusTheClock() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        TacitDeployment.ear().as(ZipExporter.class).exportTo(zip);
        Contents deployed = Contents.of(zip.toByteArray());

        assertEquals(List.of("lib/tacit-test-clock.jar!dev/tacit/arquillian/clock/MovableClock.class"),
                deployed.alternatives);
        assertTrue(deployed.testClasses.contains(
                "tacit-test-clock.war!WEB-INF/classes/dev/tacit/arquillian/clock/ClockControlServlet.class"),
                deployed.testClasses.toString());
        assertEquals(4, deployed.applicationXml.split("<module>", -1).length - 1, deployed.applicationXml);
    }

    /** What an EAR holds, looked into nested archives. */
    private static final class Contents {
        final List<String> testClasses = new ArrayList<>();
        final List<String> alternatives = new ArrayList<>();
        final List<String> selectingBeansXml = new ArrayList<>();
        String applicationXml = "";
        int classCount;

        static Contents of(byte[] ear) throws IOException {
            Contents contents = new Contents();
            contents.scan("", ear);
            assertFalse(contents.applicationXml.isEmpty(), "the EAR has an application.xml");
            return contents;
        }

        private void scan(String prefix, byte[] archive) throws IOException {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String name = entry.getName();
                    byte[] bytes = zip.readAllBytes();
                    String where = prefix + name;
                    if (name.endsWith(".jar") || name.endsWith(".war")) {
                        scan(where + "!", bytes);
                    } else if (name.endsWith(".class")) {
                        classCount++;
                        if (name.contains("dev/tacit/arquillian/") || name.contains("dev/tacit/it/")) {
                            testClasses.add(where);
                        }
                        if (contains(bytes, ALTERNATIVE)) {
                            alternatives.add(where);
                        }
                    } else if (name.endsWith("beans.xml")
                            && new String(bytes, StandardCharsets.UTF_8).contains("<alternatives")) {
                        selectingBeansXml.add(where);
                    } else if (prefix.isEmpty() && name.equals("META-INF/application.xml")) {
                        applicationXml = new String(bytes, StandardCharsets.UTF_8);
                    }
                }
            }
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
