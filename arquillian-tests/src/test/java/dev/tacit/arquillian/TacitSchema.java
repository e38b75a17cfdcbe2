package dev.tacit.arquillian;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the server has stored: the tables of the schema {@code tacit} and their row counts. */
public final class TacitSchema {

    private TacitSchema() {
    }

    /** Table name to row count, for every table in the schema {@code tacit}. */
    public static Map<String, Long> rowCounts() {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'tacit'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM tacit.\"" + table.replace("\"", "\"\"") + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tacit schema", e);
        }
    }
}
