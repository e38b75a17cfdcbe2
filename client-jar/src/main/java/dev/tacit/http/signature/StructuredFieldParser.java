package dev.tacit.http.signature;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8941 §4.2 parser for dictionaries whose members are items or inner lists, with bare items
 * limited to integers, strings, tokens and byte sequences. Stricter than RFC 8941 where leniency would
 * let two readings of one field coexist: duplicate dictionary or parameter keys, booleans, decimals and
 * non-canonical base64 are rejected rather than resolved.
 */
final class StructuredFieldParser {

    /** Longest field value accepted, in characters; Tacit's fields are a few hundred. */
    static final int MAX_FIELD_LENGTH = 4096;
    /** Most members, inner-list items or parameters accepted in one place. */
    static final int MAX_ENTRIES = 32;

    private final String input;
    private final String fieldName;
    private int pos;

    private StructuredFieldParser(String input, String fieldName) {
        this.input = input;
        this.fieldName = fieldName;
    }

    /** Parses {@code value} as a dictionary; {@code fieldName} only labels errors. */
    static Map<String, SfMember> parseDictionary(String value, String fieldName) throws MalformedSignatureHeaderException {
        if (value.length() > MAX_FIELD_LENGTH) {
            throw new MalformedSignatureHeaderException(fieldName + " is longer than " + MAX_FIELD_LENGTH + " characters");
        }
        StructuredFieldParser parser = new StructuredFieldParser(value, fieldName);
        return parser.dictionary();
    }

    static boolean isKey(String key) {
        if (key.isEmpty() || !(isLcAlpha(key.charAt(0)) || key.charAt(0) == '*')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            if (!isKeyChar(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private Map<String, SfMember> dictionary() throws MalformedSignatureHeaderException {
        Map<String, SfMember> members = new LinkedHashMap<>();
        skipSpaces();
        if (atEnd()) {
            throw fail("is empty");
        }
        while (true) {
            String key = key();
            if (!consume('=')) {
                throw fail("member '" + key + "' has no value (booleans are not accepted)");
            }
            SfMember member = peek() == '(' ? innerList() : item();
            if (members.put(key, member) != null) {
                throw fail("has the member '" + key + "' twice");
            }
            if (members.size() > MAX_ENTRIES) {
                throw fail("has too many members");
            }
            skipOws();
            if (atEnd()) {
                return Collections.unmodifiableMap(members);
            }
            if (!consume(',')) {
                throw fail("expected ',' at position " + pos);
            }
            skipOws();
            if (atEnd()) {
                throw fail("ends with a trailing comma");
            }
        }
    }

    private SfInnerList innerList() throws MalformedSignatureHeaderException {
        expect('(');
        List<SfItem> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (consume(')')) {
                return new SfInnerList(items, parameters());
            }
            items.add(item());
            if (items.size() > MAX_ENTRIES) {
                throw fail("has an inner list with too many items");
            }
            if (peek() != ' ' && peek() != ')') {
                throw fail("expected ' ' or ')' at position " + pos);
            }
        }
    }

    private SfItem item() throws MalformedSignatureHeaderException {
        return new SfItem(bareItem(), parameters());
    }

    private Map<String, BareItem> parameters() throws MalformedSignatureHeaderException {
        Map<String, BareItem> parameters = new LinkedHashMap<>();
        while (consume(';')) {
            skipSpaces();
            String key = key();
            if (!consume('=')) {
                throw fail("parameter '" + key + "' has no value (booleans are not accepted)");
            }
            if (parameters.put(key, bareItem()) != null) {
                throw fail("has the parameter '" + key + "' twice");
            }
            if (parameters.size() > MAX_ENTRIES) {
                throw fail("has too many parameters");
            }
        }
        return parameters;
    }

    private BareItem bareItem() throws MalformedSignatureHeaderException {
        char c = peek();
        if (c == '-' || isDigit(c)) {
            return integer();
        } else if (c == '"') {
            return string();
        } else if (c == ':') {
            return byteSequence();
        } else if (isAlpha(c) || c == '*') {
            return token();
        }
        throw fail("has an unsupported or missing value at position " + pos);
    }

    private BareItem integer() throws MalformedSignatureHeaderException {
        int start = pos;
        consume('-');
        int digitsStart = pos;
        while (!atEnd() && isDigit(peek())) {
            pos++;
        }
        int digits = pos - digitsStart;
        if (digits == 0 || digits > 15) {
            throw fail("has an integer of " + digits + " digits");
        }
        if (peek() == '.') {
            throw fail("has a decimal (not accepted)");
        }
        return new BareItem.SfInteger(Long.parseLong(input.substring(start, pos)));
    }

    private BareItem string() throws MalformedSignatureHeaderException {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (atEnd() || (peek() != '"' && peek() != '\\')) {
                    throw fail("has a bad escape in a string");
                }
                value.append(input.charAt(pos++));
            } else if (c == '"') {
                return new BareItem.SfString(value.toString());
            } else if (c < 0x20 || c > 0x7e) {
                throw fail("has a non-printable character in a string");
            } else {
                value.append(c);
            }
        }
        throw fail("has an unterminated string");
    }

    private BareItem token() {
        int start = pos;
        pos++;
        while (!atEnd() && (isTchar(peek()) || peek() == ':' || peek() == '/')) {
            pos++;
        }
        return new BareItem.SfToken(input.substring(start, pos));
    }

    private BareItem byteSequence() throws MalformedSignatureHeaderException {
        expect(':');
        int end = input.indexOf(':', pos);
        if (end < 0) {
            throw fail("has an unterminated byte sequence");
        }
        String encoded = input.substring(pos, end);
        pos = end + 1;
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw fail("has a byte sequence that is not base64");
        }
        // Only the canonical, padded encoding: no second spelling of the same bytes.
        if (!Base64.getEncoder().encodeToString(decoded).equals(encoded)) {
            throw fail("has a byte sequence that is not canonical padded base64");
        }
        return new BareItem.SfBytes(decoded);
    }

    private String key() throws MalformedSignatureHeaderException {
        int start = pos;
        if (atEnd() || !(isLcAlpha(peek()) || peek() == '*')) {
            throw fail("expected a key at position " + pos);
        }
        pos++;
        while (!atEnd() && isKeyChar(peek())) {
            pos++;
        }
        return input.substring(start, pos);
    }

    private void skipSpaces() {
        while (!atEnd() && peek() == ' ') {
            pos++;
        }
    }

    private void skipOws() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private char peek() {
        return atEnd() ? '\0' : input.charAt(pos);
    }

    private boolean consume(char c) {
        if (!atEnd() && input.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws MalformedSignatureHeaderException {
        if (!consume(c)) {
            throw fail("expected '" + c + "' at position " + pos);
        }
    }

    private MalformedSignatureHeaderException fail(String what) {
        return new MalformedSignatureHeaderException(fieldName + " " + what);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLcAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAlpha(char c) {
        return isLcAlpha(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean isKeyChar(char c) {
        return isLcAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*';
    }

    private static final char[] TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~".toCharArray();

    static boolean isTchar(char c) {
        if (isAlpha(c) || isDigit(c)) {
            return true;
        }
        for (char s : TCHAR_SYMBOLS) {
            if (c == s) {
                return true;
            }
        }
        return false;
    }
}
