package dev.tacit.server.settings;

import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;

import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads {@link TacitSettings} while the application deploys and makes it injectable, so that a wrong setting
 * fails the deployment, naming the setting, before anything runs.
 *
 * <p>It does what SmallRye Config's own CDI support would do for a {@code @ConfigMapping} interface, with two
 * differences. It reads one configuration, that of the module holding the settings: in an EAR, SmallRye
 * Config's support checks a mapping on one module's configuration and looks it up on another's when a bean
 * of the EJB module is created, and fails ("Could not find a mapping"). And it reports a wrong setting as a
 * definition error, before deployment validation: a deployment that fails in validation leaves its
 * MicroProfile Health checks registered, reporting DOWN until the server restarts.
 */
public class SettingsExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(SettingsExtension.class.getName());

    private TacitSettings settings;

    /** Reads and checks the settings from {@code config}, as a deployment does. */
    public static TacitSettings read(SmallRyeConfig config) {
        ConfigMappings.registerConfigMappings(config, Set.of(ConfigMappings.ConfigClass.configClass(TacitSettings.class)));
        return config.getConfigMapping(TacitSettings.class);
    }

    void readSettings(@Observes AfterBeanDiscovery discovery) {
        try {
            settings = read(ConfigProvider.getConfig(TacitSettings.class.getClassLoader()).unwrap(SmallRyeConfig.class));
        } catch (ConfigValidationException e) {
            discovery.addDefinitionError(e);
            return;
        }
        List<String> problems = SettingsRules.problems(settings);
        problems.forEach(problem -> discovery.addDefinitionError(new DeploymentException(problem)));
        if (problems.isEmpty()) {
            if (settings.mode() == TacitSettings.Mode.DEVELOPMENT) {
                LOG.warning("Tacit runs in DEVELOPMENT mode (tacit.mode=development): the development SMS gateway, a"
                        + " generated keystore and the default database password are allowed. Never use it in production.");
            }
            discovery.addBean()
                    .beanClass(TacitSettings.class)
                    .types(TacitSettings.class, Object.class)
                    .scope(Dependent.class) // an immutable value, the same instance for every injection point
                    .createWith(context -> settings);
        }
    }
}
