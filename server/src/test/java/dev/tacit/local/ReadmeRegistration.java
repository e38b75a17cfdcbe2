package dev.tacit.local;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.tacit.client.registration.AccountSetup;

/**
 * The README's registration example ("For Java integrators"), taken from the README as it stands, compiled
 * against the client library and run: so the example cannot drift from the library or stop working. The
 * example reaches the server at {@code http://localhost:8080} and asks the user for the texted code with
 * {@code askTheUserForTheCode()}; here the server is the one under test and the code comes from a supplier.
 * {@link #example} and {@link #compileStrictly} serve the README's other examples too (the integration tests'
 * {@code ReadmeClientExampleIT}, through this module's test jar).
 */
public final class ReadmeRegistration {

    static final String MARKER = "<!-- registration-example -->";
    private static final String EXAMPLE_ORIGIN = "http://localhost:8080";
    private static final String CLASS_NAME = "ReadmeRegistrationExample";

    private ReadmeRegistration() {
    }

    /** The example's lines: the first {@code java} block after the marker. */
    static List<String> example(Path readme) {
        return example(readme, MARKER);
    }

    /** The lines of the first {@code java} block after {@code marker}. */
    public static List<String> example(Path readme, String marker) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = lines.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("the README has no " + marker);
        }
        int start = lines.subList(at, lines.size()).indexOf("```java") + at + 1;
        int end = lines.subList(start, lines.size()).indexOf("```") + start;
        if (start <= at || end < start) {
            throw new AssertionError("no ```java block after " + marker + " in the README");
        }
        return lines.subList(start, end);
    }

    /**
     * Compiles the example into {@code directory} as the body of a method, with the server at {@code origin},
     * and returns a way to run it: the runner gives the texted code and returns the example's {@code setup}.
     */
    static Runner compile(Path readme, Path directory, String origin) {
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : example(readme)) {
            (line.startsWith("import ") ? imports : body).add(line.replace(EXAMPLE_ORIGIN, origin));
        }
        String source = String.join("\n", imports) + "\n\npublic class " + CLASS_NAME + " {\n"
                + "    public static java.util.function.Supplier<String> codes;\n"
                + "    static String askTheUserForTheCode() { return codes.get(); }\n"
                + "    public static dev.tacit.client.registration.AccountSetup run() throws Exception {\n"
                + String.join("\n", body) + "\n        return setup;\n    }\n}\n";
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(CLASS_NAME + ".java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            compileStrictly(file, directory);
            return new Runner(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code file} into {@code directory} against the test class path, every warning an error. */
    public static void compileStrictly(Path file, Path directory) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = compiler.getTask(diagnostics, null, null,
                List.of("-classpath", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        "-d", directory.toString(), "-Xlint:all", "-Werror"),
                null, compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file))
                .call();
        if (!compiled) {
            throw new AssertionError("the README's example in " + file.getFileName() + " does not compile:\n" + diagnostics);
        }
    }

    /** The compiled example. */
    static final class Runner {

        private final Path directory;

        private Runner(Path directory) {
            this.directory = directory;
        }

        AccountSetup run(Supplier<String> codes) throws Exception {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {url(directory)},
                    ReadmeRegistration.class.getClassLoader())) {
                Class<?> example = loader.loadClass(CLASS_NAME);
                example.getField("codes").set(null, codes);
                return (AccountSetup) example.getMethod("run").invoke(null);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        private static URL url(Path path) {
            try {
                return path.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
