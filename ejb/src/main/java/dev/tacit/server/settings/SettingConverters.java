package dev.tacit.server.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import dev.tacit.http.PublicOrigin;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Converters that check a setting's bound as they read it, so a wrong value fails the deployment at start-up.
 * Each throws {@link IllegalArgumentException}, which SmallRye Config reports with the setting's name and value.
 */
public final class SettingConverters {

    private SettingConverters() {
    }

    /** A positive ISO-8601 duration, such as {@code PT10S} or {@code P180D}. */
    public static final class Positive implements Converter<Duration> {

        private static final long serialVersionUID = 1L;

        @Override
        public Duration convert(String value) {
            return positiveDuration(value, false);
        }
    }

    /** A positive ISO-8601 duration of whole seconds, such as {@code PT10M}. */
    public static final class WholeSeconds implements Converter<Duration> {

        private static final long serialVersionUID = 1L;

        @Override
        public Duration convert(String value) {
            return positiveDuration(value, true);
        }
    }

    /**
     * The length of a contact-discovery window: whole seconds, at least an hour (keys are refreshed hourly, and
     * each window's key must exist before it starts) and at most seven days.
     */
    public static final class DiscoveryWindow implements Converter<Duration> {

        private static final long serialVersionUID = 1L;
        static final Duration SHORTEST = Duration.ofHours(1);
        static final Duration LONGEST = Duration.ofDays(7);

        @Override
        public Duration convert(String value) {
            Duration window = positiveDuration(value, true);
            if (window.compareTo(SHORTEST) < 0 || window.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("must be from PT1H to P7D, not " + value);
            }
            return window;
        }
    }

    /** A count from one to a hundred: how many tokens one request may carry (protocol §4.24). */
    public static final class OneToHundred implements Converter<Integer> {

        private static final long serialVersionUID = 1L;

        @Override
        public Integer convert(String value) {
            return integer(value, 1, 100);
        }
    }

    /** A count of at least one. */
    public static final class AtLeastOne implements Converter<Integer> {

        private static final long serialVersionUID = 1L;

        @Override
        public Integer convert(String value) {
            return integer(value, 1, Integer.MAX_VALUE);
        }
    }

    /** A TCP port. */
    public static final class Port implements Converter<Integer> {

        private static final long serialVersionUID = 1L;

        @Override
        public Integer convert(String value) {
            return integer(value, 1, 65535);
        }
    }

    /**
     * An origin as a client writes it (RFC 6454): {@code http} or {@code https}, a host, perhaps a port, and
     * nothing after; the client library's {@link PublicOrigin} reads it, so that server and clients derive the
     * signed authority and the issuer name from it alike.
     */
    public static final class Origin implements Converter<PublicOrigin> {

        private static final long serialVersionUID = 1L;

        @Override
        public PublicOrigin convert(String value) {
            return PublicOrigin.parse(value);
        }
    }

    /** An absolute {@code http} or {@code https} URL. */
    public static final class HttpUrl implements Converter<URI> {

        private static final long serialVersionUID = 1L;

        @Override
        public URI convert(String value) {
            return httpUri(value);
        }
    }

    /** An ASN.1 object identifier in dotted form, such as {@code 2.23.140.1.1}. */
    public static final class ObjectIdentifier implements Converter<String> {

        private static final long serialVersionUID = 1L;

        @Override
        public String convert(String value) {
            String oid = value.strip();
            if (!oid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                throw new IllegalArgumentException("must be an object identifier in dotted form, such as 2.23.140.1.1,"
                        + " not " + value);
            }
            return oid;
        }
    }

    private static Duration positiveDuration(String value, boolean wholeSeconds) {
        Duration duration;
        try {
            duration = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 duration such as PT10M or P180D, not " + value);
        }
        if (duration.isNegative() || duration.isZero() || (wholeSeconds && duration.getNano() != 0)) {
            throw new IllegalArgumentException("must be a positive " + (wholeSeconds ? "whole number of seconds" : "duration")
                    + ", not " + value);
        }
        return duration;
    }

    private static int integer(String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, not " + value);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException("must be from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max)
                    + ", not " + value);
        }
        return number;
    }

    private static URI httpUri(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an http or https URL, not " + value);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an http or https URL with a host, not " + value);
        }
        return uri;
    }
}
