package dev.tacit.arquillian;

import org.jboss.arquillian.core.spi.LoadableExtension;

/** Gives the test suite its PostgreSQL: registered in META-INF/services. */
public class TestDatabaseExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(TestDatabaseObserver.class);
    }
}
