package dev.tacit.web.messages;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;

import dev.tacit.server.messages.InvalidMessageRequestException;
import dev.tacit.server.messages.InvalidReplySignatureException;
import dev.tacit.server.messages.InvalidTokenException;
import dev.tacit.server.messages.MessageTooLargeException;
import dev.tacit.server.messages.ReplyReplayedException;
import dev.tacit.server.messages.TokenNotRefreshableException;
import dev.tacit.server.messages.TokenSpentException;
import dev.tacit.server.messages.TokenState;
import dev.tacit.server.messages.UnknownMessageException;
import dev.tacit.server.messages.UnknownRecipientException;
import dev.tacit.server.messages.UnknownTokenHandleException;
import dev.tacit.web.problem.Problem;
import dev.tacit.web.problem.TokenStateProblem;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.tacit.web.problem.ProblemResponses.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Messaging's failures as the problem types of docs/protocol.md §4.1 and §4.12–§4.18. */
class MessagingProblemMappersTest {

    private static final Jsonb JSON = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSON.close();
    }

    @Test
    void eachFailureHasItsTypeAndStatus() {
        Problem invalid = assertProblem(new MessagingProblemMappers.InvalidMessageRequest().toResponse(
                new InvalidMessageRequestException("envelope", "not a padded size")), 400,
                "urn:tacit:problem:invalid-message-request");
        assertEquals("envelope", invalid.field());
        assertEquals("token", assertProblem(new MessagingProblemMappers.InvalidToken().toResponse(
                new InvalidTokenException("forged")), 400, "urn:tacit:problem:invalid-token").field());
        assertProblem(new MessagingProblemMappers.InvalidReplySignature().toResponse(
                new InvalidReplySignatureException("stale")), 400, "urn:tacit:problem:invalid-reply-signature");
        assertProblem(new MessagingProblemMappers.MessageTooLarge().toResponse(
                new MessageTooLargeException(70_000)), 413, "urn:tacit:problem:content-too-large");
        assertProblem(new MessagingProblemMappers.UnknownRecipient().toResponse(
                new UnknownRecipientException()), 404, "urn:tacit:problem:unknown-recipient");
        assertProblem(new MessagingProblemMappers.UnknownMessage().toResponse(
                new UnknownMessageException()), 404, "urn:tacit:problem:unknown-message");
        assertProblem(new MessagingProblemMappers.UnknownTokenHandle().toResponse(
                new UnknownTokenHandleException()), 404, "urn:tacit:problem:unknown-token-handle");
        assertProblem(new MessagingProblemMappers.ReplyReplayed().toResponse(
                new ReplyReplayedException()), 409, "urn:tacit:problem:reply-replayed");
    }

    @Test
    void aRefusalByTheTokensStateNamesTheState() {
        Response spent = new MessagingProblemMappers.TokenSpent().toResponse(new TokenSpentException(TokenState.RELEASED));
        Response notRefreshable = new MessagingProblemMappers.TokenNotRefreshable().toResponse(
                new TokenNotRefreshableException(TokenState.ATTACHED));

        assertEquals(409, spent.getStatus());
        assertEquals(Problem.MEDIA, spent.getMediaType());
        assertEquals("{\"type\":\"urn:tacit:problem:token-already-spent\",\"title\":\"Token already spent\",\"status\":409,"
                        + "\"detail\":\"the token was spent before; it is released\",\"tokenState\":\"released\"}",
                JSON.toJson(assertInstanceOf(TokenStateProblem.class, spent.getEntity())));
        assertEquals("attached", assertInstanceOf(TokenStateProblem.class, notRefreshable.getEntity()).tokenState());
        assertEquals("urn:tacit:problem:token-not-refreshable",
                ((TokenStateProblem) notRefreshable.getEntity()).type());
    }
}
