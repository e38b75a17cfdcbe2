package dev.tacit.persistence;

/** The datasource the operator configures in the server; the application never configures connections itself. */
public final class TacitDataSource {

    /** JNDI name of the PostgreSQL datasource defined by {@code configure-tacit.cli}. */
    public static final String JNDI_NAME = "java:jboss/datasources/TacitDS";

    /** The PostgreSQL schema that holds Tacit's tables (the batch job repository keeps its own). */
    public static final String SCHEMA = "tacit";

    private TacitDataSource() {
    }
}
