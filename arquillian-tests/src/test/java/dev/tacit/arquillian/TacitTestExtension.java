package dev.tacit.arquillian;

import org.jboss.arquillian.core.spi.LoadableExtension;

/** Prepares the suite's environment before Arquillian starts WildFly: registered in META-INF/services. */
public class TacitTestExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(ServerLogObserver.class);
        builder.observer(TestDatabaseObserver.class);
        builder.observer(PortOffsetObserver.class);
        builder.observer(SmsProviderStubObserver.class);
        builder.observer(PushServiceStubObserver.class);
        builder.observer(SuiteDeploymentObserver.class);
        builder.observer(ServerSettingsObserver.class);
    }
}
