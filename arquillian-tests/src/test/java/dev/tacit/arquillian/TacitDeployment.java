package dev.tacit.arquillian;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.tacit.arquillian.clock.ClockControlServlet;
import dev.tacit.arquillian.clock.MovableClock;
import dev.tacit.arquillian.clock.OpenAccess;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the integration tests deploy ({@link SuiteDeployment}): the real tacit.ear, exactly as built, plus the test
 * clock (a library with {@link MovableClock} and a web module with {@link ClockControlServlet}), so tests can
 * move the server's time ({@link ServerClock}). Nothing else is added or changed.
 */
public final class TacitDeployment {

    static final String CLOCK_LIBRARY = "tacit-test-clock.jar";
    static final String CLOCK_WEB_MODULE = "tacit-test-clock.war";

    private static final ArchivePath APPLICATION_XML = ArchivePaths.create("META-INF/application.xml");
    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    private TacitDeployment() {
    }

    public static EnterpriseArchive ear() {
        EnterpriseArchive ear = builtEar();
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, CLOCK_LIBRARY)
                .addClasses(MovableClock.class) // with its nested OffsetClock
                .addAsManifestResource(new StringAsset(BEANS_XML), "beans.xml"));
        ear.addAsModule(ShrinkWrap.create(WebArchive.class, CLOCK_WEB_MODULE)
                .addClasses(ClockControlServlet.class, OpenAccess.class)
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml"));
        ear.setApplicationXML(new StringAsset(withClockModule(applicationXml(ear))));
        return ear;
    }

    /**
     * The tests' tacit.ear under the name {@code tacit-<name>.ear}, with a configuration source of its own,
     * {@code settings} ({@code name=value} lines), that outranks the server's settings (ordinal 1000): for a
     * test that deploys Tacit with other settings while the {@link SuiteDeployment} steps aside.
     */
    public static EnterpriseArchive withSettings(String name, String... settings) {
        JavaArchive source = ShrinkWrap.create(JavaArchive.class, name + "-settings.jar")
                .addAsManifestResource(new StringAsset("config_ordinal=1000\n" + String.join("\n", settings)),
                        "microprofile-config.properties");
        return ShrinkWrap.create(EnterpriseArchive.class, "tacit-" + name + ".ear").merge(ear()).addAsLibrary(source);
    }

    /** tacit.ear as the build made it. */
    static EnterpriseArchive builtEar() {
        String location = System.getProperty("tacit.ear");
        if (location == null) {
            throw new IllegalStateException("system property tacit.ear is not set; run the tests with Maven");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(location));
    }

    private static String applicationXml(EnterpriseArchive ear) {
        try (InputStream in = ear.get(APPLICATION_XML).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withClockModule(String applicationXml) {
        String marker = "<library-directory>";
        int at = applicationXml.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("tacit.ear's application.xml has no " + marker + ": " + applicationXml);
        }
        String module = "<module><web><web-uri>" + CLOCK_WEB_MODULE + "</web-uri><context-root>"
                + ClockControlServlet.CONTEXT_ROOT + "</context-root></web></module>\n  ";
        return applicationXml.substring(0, at) + module + applicationXml.substring(at);
    }
}
