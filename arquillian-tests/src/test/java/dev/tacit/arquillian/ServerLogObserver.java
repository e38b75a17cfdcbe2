package dev.tacit.arquillian;

import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/** Marks where the server log ends before the container starts, so that tests read only this suite's lines. */
public class ServerLogObserver {

    public void markLog(@Observes(precedence = 1000) BeforeSuite event) {
        ServerLog.markSuiteStart();
    }
}
