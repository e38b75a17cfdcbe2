package dev.tacit.web.messages;

/** The answer to a send: the new message's random id, base64url. */
public record SendResponse(String id) {
}
