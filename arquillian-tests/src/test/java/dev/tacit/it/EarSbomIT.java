package dev.tacit.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CycloneDX SBOM the build writes beside tacit.ear lists exactly the archives the EAR ships (its modules
 * and every jar in lib/), each with a version and a SHA-256 hash, so an operator can audit the EAR by it.
 */
class EarSbomIT {

    private static final Path EAR = Path.of(System.getProperty("tacit.ear", "tacit.ear is not set"));
    private static final Path SBOM = EAR.resolveSibling("tacit-ear.cdx.json");

    @Test
    void theSbomListsEveryArchiveTheEarShipsAndNothingElse() throws IOException {
        JsonObject sbom = read(SBOM);
        Set<String> listed = new TreeSet<>();
        for (JsonValue value : sbom.getJsonArray("components")) {
            JsonObject component = value.asJsonObject();
            listed.add(component.getString("name") + "." + archiveExtension(component.getString("purl")));
            assertFalse(component.getString("version").isBlank(), component.toString());
            assertTrue(component.getJsonArray("hashes").stream()
                    .anyMatch(hash -> "SHA-256".equals(hash.asJsonObject().getString("alg"))), component.toString());
        }

        assertEquals(archivesIn(EAR), listed);
        assertEquals("tacit-ear", sbom.getJsonObject("metadata").getJsonObject("component").getString("name"));
    }

    /** The EAR's module archives and its lib/ jars, by file name. */
    private static Set<String> archivesIn(Path ear) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(ear.toFile())) {
            for (String entry : Collections.list(zip.entries()).stream().map(e -> e.getName()).toList()) {
                String name = entry.startsWith("lib/") ? entry.substring("lib/".length()) : entry;
                if (!name.contains("/") && (name.endsWith(".jar") || name.endsWith(".war"))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The file extension the EAR gives an artifact of the package URL's type (an EJB module is a jar). */
    private static String archiveExtension(String purl) {
        String type = purl.replaceFirst(".*[?&]type=([a-z-]+).*", "$1");
        return "war".equals(type) ? "war" : "jar";
    }

    private static JsonObject read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }
}
