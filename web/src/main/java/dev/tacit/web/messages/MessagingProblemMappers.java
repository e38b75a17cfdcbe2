package dev.tacit.web.messages;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.tacit.server.messages.InvalidMessageRequestException;
import dev.tacit.server.messages.InvalidReplySignatureException;
import dev.tacit.server.messages.InvalidTokenException;
import dev.tacit.server.messages.MessageTooLargeException;
import dev.tacit.server.messages.ReplyReplayedException;
import dev.tacit.server.messages.TokenNotRefreshableException;
import dev.tacit.server.messages.TokenSpentException;
import dev.tacit.server.messages.UnknownMessageException;
import dev.tacit.server.messages.UnknownRecipientException;
import dev.tacit.server.messages.UnknownTokenHandleException;
import dev.tacit.server.wakeup.TooManyStreamsException;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.ProblemWriter;
import dev.tacit.web.problem.TokenStateProblem;

/** Problem details for messaging failures (docs/protocol.md §4.1, §4.12–§4.18). */
public final class MessagingProblemMappers {

    private MessagingProblemMappers() {
    }

    /** 400 {@code invalid-message-request}, naming the member at fault. */
    @Provider
    public static class InvalidMessageRequest implements ExceptionMapper<InvalidMessageRequestException> {
        @Override
        public Response toResponse(InvalidMessageRequestException exception) {
            return Problem.ofType("invalid-message-request", "Invalid message request", Response.Status.BAD_REQUEST,
                    exception.getMessage()).withField(exception.field()).toResponse();
        }
    }

    /** 400 {@code invalid-token}. */
    @Provider
    public static class InvalidToken implements ExceptionMapper<InvalidTokenException> {
        @Override
        public Response toResponse(InvalidTokenException exception) {
            return Problem.ofType("invalid-token", "Invalid token", Response.Status.BAD_REQUEST, exception.getMessage())
                    .withField("token").toResponse();
        }
    }

    /** 400 {@code invalid-reply-signature}. */
    @Provider
    public static class InvalidReplySignature implements ExceptionMapper<InvalidReplySignatureException> {
        @Override
        public Response toResponse(InvalidReplySignatureException exception) {
            return Problem.ofType("invalid-reply-signature", "Invalid reply signature", Response.Status.BAD_REQUEST,
                    exception.getMessage()).withField("groupSignature").toResponse();
        }
    }

    /** 413 {@code content-too-large}: the envelope is longer than the largest padded size. */
    @Provider
    public static class MessageTooLarge implements ExceptionMapper<MessageTooLargeException> {
        @Override
        public Response toResponse(MessageTooLargeException exception) {
            return Problem.ofType("content-too-large", "Content too large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    exception.getMessage()).withField("envelope").toResponse();
        }
    }

    /** 404 {@code unknown-recipient}. */
    @Provider
    public static class UnknownRecipient implements ExceptionMapper<UnknownRecipientException> {
        @Override
        public Response toResponse(UnknownRecipientException exception) {
            return Problem.ofType("unknown-recipient", "Unknown recipient", Response.Status.NOT_FOUND,
                    "The recipient has no account; the token was spent.").toResponse();
        }
    }

    /** 404 {@code unknown-message}. */
    @Provider
    public static class UnknownMessage implements ExceptionMapper<UnknownMessageException> {
        @Override
        public Response toResponse(UnknownMessageException exception) {
            return Problem.ofType("unknown-message", "Unknown message", Response.Status.NOT_FOUND,
                    exception.getMessage()).toResponse();
        }
    }

    /** 404 {@code unknown-token-handle}. */
    @Provider
    public static class UnknownTokenHandle implements ExceptionMapper<UnknownTokenHandleException> {
        @Override
        public Response toResponse(UnknownTokenHandleException exception) {
            return Problem.ofType("unknown-token-handle", "Unknown token handle", Response.Status.NOT_FOUND,
                    exception.getMessage()).toResponse();
        }
    }

    /** 409 {@code token-already-spent}, with the token's state. */
    @Provider
    public static class TokenSpent implements ExceptionMapper<TokenSpentException> {
        @Override
        public Response toResponse(TokenSpentException exception) {
            return TokenStateProblem.of("token-already-spent", "Token already spent", exception.getMessage(),
                    exception.state().wireName()).toResponse();
        }
    }

    /** 409 {@code token-not-refreshable}, with the token's state. */
    @Provider
    public static class TokenNotRefreshable implements ExceptionMapper<TokenNotRefreshableException> {
        @Override
        public Response toResponse(TokenNotRefreshableException exception) {
            return TokenStateProblem.of("token-not-refreshable", "Token not refreshable", exception.getMessage(),
                    exception.state().wireName()).toResponse();
        }
    }

    /** 409 {@code reply-replayed}. */
    @Provider
    public static class ReplyReplayed implements ExceptionMapper<ReplyReplayedException> {
        @Override
        public Response toResponse(ReplyReplayedException exception) {
            return Problem.ofType("reply-replayed", "Reply replayed", Response.Status.CONFLICT, exception.getMessage())
                    .toResponse();
        }
    }

    /**
     * 429 {@code too-many-streams} when the account's bound on open wake-up streams is reached, 503
     * {@code streams-unavailable} when the node's is (§4.20); both with a Retry-After.
     */
    @Provider
    public static class TooManyStreams implements ExceptionMapper<TooManyStreamsException> {
        @Override
        public Response toResponse(TooManyStreamsException exception) {
            Problem problem = exception.overall()
                    ? Problem.ofType("streams-unavailable", "Streams unavailable", Response.Status.SERVICE_UNAVAILABLE,
                            exception.getMessage())
                    : Problem.ofType("too-many-streams", "Too many streams", Response.Status.TOO_MANY_REQUESTS,
                            exception.getMessage());
            return Response.fromResponse(problem.toResponse())
                    .header("Retry-After", ProblemWriter.retryAfterSeconds(exception.retryAfter())).build();
        }
    }
}
