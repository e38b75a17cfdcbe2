package dev.tacit.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import dev.tacit.arquillian.ServerLog;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestMessaging.Party;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.Token;
import dev.tacit.crypto.wire.Base64Url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The privacy audit of issue 19: after a sender wrote to recipients, nothing the server keeps joins the sender's
 * identity to their mailboxes. Every column of every table of schema {@code tacit} is read; a row that holds any
 * of the sender's identifiers (its number, its published keys and certificate, the blinded token requests it
 * registered with; raw, hex or base64url) must be the sender's own account row or a row of its own chain of group
 * keys (V14); the messaging tables hold no
 * client address; and the server log names neither the sender nor a recipient, nor holds the sender's tokens.
 */
final class MessagingPrivacyAudit {

    private static final Set<String> MESSAGING_TABLES = Set.of("message", "first_contact_token", "reply_signature",
            "spam_report_count");

    private MessagingPrivacyAudit() {
    }

    static void assertNothingJoins(Party sender, List<Party> recipients) throws Exception {
        assertNothingJoins(sender, recipients, new String[0]);
    }

    /**
     * As above, for a sender that also has rows of its own, by design, in {@code ownTables} (a bulk sender's grant,
     * {@code bulk_sender_grant}): those rows may hold the sender's identifiers, but no recipient's number.
     */
    static void assertNothingJoins(Party sender, List<Party> recipients, String... ownTables) throws Exception {
        List<byte[]> senderIds = identifiers(sender);
        List<byte[]> recipientNumbers = recipients.stream().map(party -> ascii(party.number.e164())).toList();
        assertOnlyItsOwnRowsHold(sender.number.e164(), senderIds, Set.of(ownTables), recipientNumbers);

        String log = ServerLog.text();
        for (Party party : allOf(sender, recipients)) {
            assertFalse(log.contains(party.number.e164()), "the server log names " + party);
            assertFalse(log.contains(party.number.e164().substring(1)), "the server log names " + party);
        }
        List<byte[]> logNeedles = new ArrayList<>(senderIds);
        for (Token token : sender.account.tokens()) { // spent tokens are in the database by design, never in the log
            logNeedles.add(token.nonce());
            logNeedles.add(token.encode());
        }
        for (byte[] id : logNeedles) {
            assertFalse(log.contains(HexFormat.of().formatHex(id)), "the server log holds a sender identifier");
            assertFalse(log.contains(Base64Url.encode(id)), "the server log holds a sender identifier");
        }
    }

    /**
     * Reads every column of every table of schema {@code tacit}: a row that holds any of {@code ids} (raw, hex or
     * base64url) must be the account {@code number}'s own row, or a row of its own chain of group keys
     * ({@code group_key}, V14: its group key is one of its identifiers); the messaging tables hold no client address.
     */
    static void assertOnlyItsOwnRowsHold(String number, List<byte[]> ids) throws Exception {
        assertOnlyItsOwnRowsHold(number, ids, Set.of(), List.of());
    }

    /**
     * As above, for an account that also has rows of its own, by design, in {@code ownTables} (a bulk sender's
     * grant, {@code bulk_sender_grant}): those rows may hold its identifiers (at least one does), but none of
     * {@code strangers} (the numbers it wrote to).
     */
    static void assertOnlyItsOwnRowsHold(String number, List<byte[]> ids, Set<String> ownTables,
                                         List<byte[]> strangers) throws Exception {
        int rowsRead = 0;
        int accountRows = 0;
        int groupKeyRows = 0;
        int ownRows = 0;
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = tables(statement);
            assertTrue(tables.contains("group_key"), "V14's table is read: " + tables);
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM tacit.\"" + table + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        rowsRead++;
                        List<byte[]> values = values(rows, columns);
                        if (ownTables.contains(table)) {
                            assertFalse(containsAny(values, strangers), "a row of " + table
                                    + " holds the number of someone the account wrote to");
                            ownRows += containsAny(values, ids) ? 1 : 0;
                        } else if (containsAny(values, ids)) {
                            if (table.equals("account") && number.equals(rows.getString("number"))) {
                                accountRows++;
                            } else if (table.equals("group_key") && number.equals(rows.getString("account"))) {
                                groupKeyRows++;
                            } else {
                                fail("a row of " + table + " holds an identifier of " + number.substring(0, 3) + "…");
                            }
                        }
                        if (MESSAGING_TABLES.contains(table)) {
                            assertFalse(containsAny(values, List.of(ascii("127.0.0.1"), ascii("localhost"),
                                    ascii("0:0:0:0:0:0:0:1"))), "a client address in " + table);
                        }
                    }
                }
            }
        }
        assertEquals(1, accountRows, "the account's own row holds its identifiers");
        assertTrue(groupKeyRows >= 1, "and its own chain of group keys");
        assertEquals(ownTables.isEmpty(), ownRows == 0, "the account's rows of " + ownTables + " were read");
        assertFalse(rowsRead < 10, "the tables were read");
    }

    /**
     * The reputation audit (docs/protocol.md §4.24, §4.25): of everything the server keeps, each spent stamp is one
     * row of {@code spent_token}, kind {@code stamp}, holding its key id and nonce and nothing else (no account, no
     * time); no other row of any table holds its nonce, and no row holds its authenticator.
     */
    static void assertStampsAreKeptAsSpentIdentitiesOnly(List<Token> stamps) throws Exception {
        for (Token stamp : stamps) {
            List<byte[]> nonce = List.of(stamp.nonce());
            byte[] authenticator = java.util.Arrays.copyOfRange(stamp.encode(), 98, Token.LENGTH);
            List<String> holders = new ArrayList<>();
            try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
                for (String table : tables(statement)) {
                    try (ResultSet rows = statement.executeQuery("SELECT * FROM tacit.\"" + table + "\"")) {
                        ResultSetMetaData columns = rows.getMetaData();
                        while (rows.next()) {
                            List<byte[]> values = values(rows, columns);
                            assertFalse(containsAny(values, List.of(authenticator)), "a stamp's authenticator in " + table);
                            if (containsAny(values, nonce)) {
                                List<String> names = new ArrayList<>();
                                for (int i = 1; i <= columns.getColumnCount(); i++) {
                                    names.add(columns.getColumnName(i));
                                }
                                holders.add(table + names + ":" + (names.contains("kind") ? rows.getString("kind") : ""));
                            }
                        }
                    }
                }
            }
            assertEquals(List.of("spent_token[key_id, nonce, kind]:stamp"), holders,
                    "a spent stamp is its identity and kind, in one row");
        }
    }

    private static List<String> tables(Statement statement) throws java.sql.SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet names = statement.executeQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'tacit' AND table_type = 'BASE TABLE'""")) {
            while (names.next()) {
                tables.add(names.getString(1));
            }
        }
        return tables;
    }

    private static List<byte[]> values(ResultSet rows, ResultSetMetaData columns) throws java.sql.SQLException {
        List<byte[]> values = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            Object value = rows.getObject(i);
            values.add(value == null ? new byte[0] : value instanceof byte[] bytes ? bytes
                    : value.toString().getBytes(StandardCharsets.UTF_8));
        }
        return values;
    }

    /** Everything that identifies the sender to the server: what it registered with, and its number. */
    private static List<byte[]> identifiers(Party sender) {
        List<byte[]> ids = new ArrayList<>(List.of(
                ascii(sender.number.e164()),
                sender.account.keys().identity().publicKey().toBytes(),
                sender.account.identity().certificate().toBytes(),
                sender.account.keys().group().groupPublicKey().toBytes(),
                sender.account.keys().signedEnvelopeKey().toBytes(),
                sender.account.keys().signedPreKey().toBytes()));
        for (PendingToken token : sender.account.keys().pendingTokens()) {
            ids.add(token.request().encode());
        }
        return ids;
    }

    private static boolean containsAny(List<byte[]> values, List<byte[]> needles) {
        for (byte[] value : values) {
            for (byte[] needle : needles) {
                if (contains(value, needle) || contains(value, ascii(HexFormat.of().formatHex(needle)))
                        || contains(value, ascii(Base64Url.encode(needle)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Party> allOf(Party sender, List<Party> recipients) {
        List<Party> all = new ArrayList<>(recipients);
        all.add(sender);
        return all;
    }
}
