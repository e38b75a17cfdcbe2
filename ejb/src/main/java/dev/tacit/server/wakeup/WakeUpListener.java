package dev.tacit.server.wakeup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.tacit.persistence.TacitDataSource;

/**
 * This node's one listener of {@link WakeUps#CHANNEL}: a connection taken from the datasource for as long as the
 * application runs, on a thread of its own, which hands each notification's key to {@link MailboxStreams}. A
 * notification sent by any node (or anything else connected to the database) reaches every node's listener. When
 * the connection fails, as when PostgreSQL restarts, it connects again, and then wakes every open stream, since
 * notifications sent meanwhile are lost. It logs no notification, only the loss and recovery of its connection.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WakeUpListener {

    private static final Logger LOG = Logger.getLogger(WakeUpListener.class.getName());
    /** How long one wait for notifications lasts; a connection silent this long is checked with a query. */
    static final int WAIT_MILLIS = 10_000;
    static final long FIRST_RETRY_MILLIS = 500;
    static final long LAST_RETRY_MILLIS = 10_000;

    @Resource(lookup = TacitDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ThreadFactory threads;

    @Inject
    MailboxStreams streams;

    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    @PostConstruct
    void start() {
        running = true;
        thread = threads.newThread(this::listen);
        thread.setName("tacit-wake-up-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        boolean connectedBefore = false;
        boolean failing = false;
        long retry = FIRST_RETRY_MILLIS;
        while (running) {
            try (Connection listening = dataSource.getConnection()) {
                connection = listening;
                PGConnection postgres = listening.unwrap(PGConnection.class);
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + WakeUps.CHANNEL);
                }
                if (failing) {
                    LOG.info("The mailbox wake-up listener is connected again.");
                }
                if (connectedBefore) {
                    streams.wakeAll();
                }
                connectedBefore = true;
                failing = false;
                retry = FIRST_RETRY_MILLIS;
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications == null || notifications.length == 0) {
                        try (Statement statement = listening.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        streams.wake(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    // The SQL state says what failed; the message could carry a value, and a value could be a number.
                    LOG.log(Level.WARNING, "The mailbox wake-up listener lost its database connection (SQL state {0});"
                            + " connecting again.", e instanceof SQLException sql ? sql.getSQLState() : e.getClass().getName());
                    failing = true;
                }
                if (!pause(retry)) {
                    return;
                }
                retry = Math.min(LAST_RETRY_MILLIS, retry * 2);
            } finally {
                connection = null;
            }
        }
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Undeploying stops the thread and gives the connection back. */
    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
        Connection listening = connection;
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException e) {
                // closing is all that is left to do with it
            }
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
