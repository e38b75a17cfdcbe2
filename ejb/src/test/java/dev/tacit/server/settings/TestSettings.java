package dev.tacit.server.settings;

import java.util.Map;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

import org.eclipse.microprofile.config.spi.ConfigSource;

/** {@link TacitSettings} read from given properties, as a deployment reads and checks them. */
public final class TestSettings {

    private TestSettings() {
    }

    /**
     * The settings of these system properties ({@code tacit.x.y}).
     *
     * @throws ConfigValidationException as a deployment would fail, naming the settings at fault
     */
    public static TacitSettings of(Map<String, String> properties) {
        return from(new MapBackedConfigSource("test settings", properties) {
            private static final long serialVersionUID = 1L;
        });
    }

    /** The settings of these environment variables ({@code TACIT_X_Y}). */
    public static TacitSettings fromEnvironment(Map<String, String> variables) {
        return from(new EnvConfigSource(variables, EnvConfigSource.ORDINAL));
    }

    private static TacitSettings from(ConfigSource source) {
        return SettingsExtension.read(new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(source).build());
    }

    public static TacitSettings defaults() {
        return of(Map.of());
    }
}
