package dev.tacit.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tacit.arquillian.ServerLog;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestDiscovery;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.discovery.ContactLookup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.wire.Base64Url;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No row of any table links a look-up to the account that obtained its tokens, nor keeps the numbers it asked
 * for or an address, and no line of the server log does either (docs/protocol.md §4.11): every column of every
 * table of the schema is read, after the rest
 * of the suite has run (junit-platform.properties orders classes by {@code @Order}), so the look-ups of every
 * discovery test are in it, plus this test's own, whose account, numbers and tokens it knows.
 */
@ExtendWith(ArquillianExtension.class)
@Order(Integer.MAX_VALUE - 1)
class DiscoveryPrivacyIT {

    /** How the tests' client address, loopback, would be written. */
    private static final List<String> ADDRESSES = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "[::1]");

    private final TestNumbers numbers = TestNumbers.freshPrefix();
    private final TestNumbers strangers = TestNumbers.freshPrefix();

    @Test
    void noRowLinksALookUpToItsAccountOrKeepsWhatItAskedFor() throws Exception {
        RegisteredAccount asker = TestAccounts.register(numbers.next());
        RegisteredAccount found = TestAccounts.register(numbers.next());
        PhoneNumber unknown = PhoneNumber.of(strangers.next());
        long logMark = ServerLog.end();
        List<Token> tokens = TestDiscovery.tokens(asker, 2);
        List<ContactLookup> results = TestDiscovery.api().lookUp(List.of(found.identity().phoneNumber(), unknown), tokens);
        assertInstanceOf(ContactLookup.Registered.class, results.get(0));
        List<String> logged = ServerLog.linesAfter(logMark);

        Map<String, List<String>> rows = everyRowOfEveryTable();
        assertTrue(rows.containsKey("spent_token") && rows.containsKey("account") && rows.containsKey("abuse_counter"),
                "the schema was read: " + rows.keySet());

        // spent tokens are their key id, nonce and kind, and the key ids are discovery keys, shared by a whole window
        // (or, for reputation stamps, stamp keys, §4.24)
        assertEquals(List.of("key_id", "nonce", "kind"), columns("spent_token"));
        for (Token token : tokens) {
            assertTrue(rows.get("spent_token").stream().anyMatch(row -> row.contains(hex(token.keyId().encode()))
                    && row.contains(hex(token.nonce())) && row.contains("discovery")), "this test's tokens were recorded");
        }
        assertEquals(0, count("""
                SELECT count(*) FROM tacit.spent_token s
                WHERE NOT EXISTS (SELECT 1 FROM tacit.rotating_key k
                                  WHERE k.key_id = s.key_id AND k.purpose = CASE s.kind WHEN 'discovery'
                                      THEN 'discovery-token-issuer' ELSE 'stamp-issuer' END)"""),
                "every spent discovery token names a discovery key, every spent stamp a stamp key");
        List<String> leaks = new ArrayList<>();
        rows.forEach((table, values) -> {
            for (String row : values) {
                if (!table.equals("spent_token")) {
                    for (Token token : tokens) {
                        if (row.contains(hex(token.nonce()))) {
                            leaks.add(table + " holds a spent token's nonce: " + row);
                        }
                    }
                }
                for (String identifying : identifying(asker)) {
                    if (table.equals("spent_token") && row.contains(identifying)) {
                        leaks.add("a spent token's row holds the asker's " + identifying);
                    }
                }
                for (String asked : List.of(unknown.e164(), unknown.e164().substring(1),
                        hex(unknown.e164().getBytes(StandardCharsets.US_ASCII)))) {
                    if (row.contains(asked)) {
                        leaks.add(table + " holds an unregistered number looked up: " + row);
                    }
                }
                for (String address : ADDRESSES) {
                    if (row.contains(address)) {
                        leaks.add(table + " holds a client address: " + row);
                    }
                }
            }
        });
        // nor does the log: nothing of the allowance request or the look-up, neither who nor what nor from where
        List<String> traces = new ArrayList<>(identifying(asker));
        for (PhoneNumber asked : List.of(found.identity().phoneNumber(), unknown)) {
            traces.add(asked.e164().substring(1));
        }
        for (Token token : tokens) {
            traces.add(Base64Url.encode(token.encode()).substring(0, 40));
            traces.add(Base64Url.encode(token.nonce()).substring(0, 40));
            traces.add(hex(token.nonce()));
        }
        traces.addAll(ADDRESSES);
        for (String line : logged) {
            for (String trace : traces) {
                if (line.contains(trace)) {
                    leaks.add("the server log holds " + trace + ": " + line);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    /** What would identify the asking account in a row: its number and its identity key. */
    private static List<String> identifying(RegisteredAccount account) {
        String number = account.identity().phoneNumber().e164();
        return List.of(number, number.substring(1), hex(number.getBytes(StandardCharsets.US_ASCII)),
                hex(account.keys().identity().publicKey().toBytes()));
    }

    /** Table name to its rows, each row as PostgreSQL writes a record as text (bytea as {@code \x} and hex). */
    private static Map<String, List<String>> everyRowOfEveryTable() throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'tacit' ORDER BY 1")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                List<String> values = new ArrayList<>();
                try (ResultSet all = statement.executeQuery("SELECT t::text FROM tacit.\"" + table + "\" t")) {
                    while (all.next()) {
                        values.add(all.getString(1));
                    }
                }
                rows.put(table, values);
            }
        }
        return rows;
    }

    private static List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT column_name FROM information_schema.columns"
                     + " WHERE table_schema = 'tacit' AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        return columns;
    }

    private static long count(String query) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
