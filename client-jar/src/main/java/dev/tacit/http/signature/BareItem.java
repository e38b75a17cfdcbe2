package dev.tacit.http.signature;

import java.util.Arrays;

/** The RFC 8941 bare item types this profile uses: integer, string, token and byte sequence. */
sealed interface BareItem permits BareItem.SfInteger, BareItem.SfString, BareItem.SfToken, BareItem.SfBytes {

    /** RFC 8941 §3.3.1: at most 15 decimal digits. */
    long MAX_INTEGER = 999_999_999_999_999L;

    record SfInteger(long value) implements BareItem {
        public SfInteger {
            if (value > MAX_INTEGER || value < -MAX_INTEGER) {
                throw new IllegalArgumentException("structured-field integer out of range");
            }
        }
    }

    record SfString(String value) implements BareItem {
        public SfString {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("structured-field strings are printable ASCII");
                }
            }
        }
    }

    record SfToken(String value) implements BareItem {
    }

    /** A byte sequence; copies in and out. */
    record SfBytes(byte[] value) implements BareItem {
        public SfBytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SfBytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "SfBytes[" + value.length + " bytes]";
        }
    }
}
