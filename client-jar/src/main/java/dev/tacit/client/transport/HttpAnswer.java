package dev.tacit.client.transport;

import java.util.Optional;

/**
 * A successful HTTP answer (status below 400) as the client received it; error statuses become exceptions.
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type}, empty if none
 * @param body        the content, empty if none
 */
public record HttpAnswer(int status, String contentType, byte[] body) {

    public HttpAnswer {
        contentType = contentType == null ? "" : contentType;
        body = body == null ? new byte[0] : body;
    }

    /** The media type without parameters, lower-cased, if there is one. */
    public Optional<String> mediaType() {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.isEmpty() ? Optional.empty() : Optional.of(type.toLowerCase(java.util.Locale.ROOT));
    }
}
