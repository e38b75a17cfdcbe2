package dev.tacit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.junit.jupiter.api.Test;

/**
 * {@link TacitApi#getClasses()} lists the API's classes by hand, and the server serves nothing it does not list:
 * a resource left out answers 404 while its description in the OpenAPI document still looks right. So every
 * resource and provider compiled into the web module must be listed, and nothing else.
 */
class TacitApiRegistrationTest {

    @Test
    void everyResourceAndProviderOfTheWebModuleIsRegistered() throws Exception {
        Set<String> compiled = apiClassesCompiledIntoTheModule();
        Set<String> registered = new TacitApi().getClasses().stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertFalse(compiled.isEmpty(), "the scan found the module's classes");
        Set<String> missing = new TreeSet<>(compiled);
        missing.removeAll(registered);
        Set<String> extra = new TreeSet<>(registered);
        extra.removeAll(compiled);
        assertEquals(Set.of(), missing, "resources and providers TacitApi.getClasses() leaves out");
        assertEquals(Set.of(), extra, "classes TacitApi.getClasses() lists that are no resource or provider");
    }

    /** Concrete classes with {@code @Path}, {@code @Provider} or an {@link ExceptionMapper}, by name. */
    private static Set<String> apiClassesCompiledIntoTheModule() throws IOException, URISyntaxException {
        Path classes = Path.of(TacitApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')
                            .replace('\\', '.'))
                    .map(TacitApiRegistrationTest::load)
                    .filter(TacitApiRegistrationTest::isApiClass)
                    .map(Class::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean isApiClass(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isAnonymousClass()) {
            return false;
        }
        return type.isAnnotationPresent(jakarta.ws.rs.Path.class) || type.isAnnotationPresent(Provider.class)
                || ExceptionMapper.class.isAssignableFrom(type);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, TacitApiRegistrationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a compiled class loads: " + name, e);
        }
    }
}
