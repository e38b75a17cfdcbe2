package dev.tacit.web.problem;

import java.util.List;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The problem documents as JSON-B (Yasson, as in WildFly) writes them: RFC 9457 members, in order, no nulls. */
class ProblemJsonTest {

    private static final Jsonb JSON = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSON.close();
    }

    @Test
    void aProblemOfAStatusIsAboutBlankWithTheReasonPhraseAsTitleAndNoField() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"There is nothing here.\"}",
                JSON.toJson(Problem.ofStatus(Response.Status.NOT_FOUND, "There is nothing here.")));
    }

    @Test
    void aProblemOfTacitsOwnTypeNamesTheMemberAtFaultLast() {
        assertEquals("{\"type\":\"urn:tacit:problem:invalid-account-request\",\"title\":\"Invalid account request\","
                        + "\"status\":400,\"detail\":\"bad\",\"field\":\"preKey\"}",
                JSON.toJson(Problem.ofType("invalid-account-request", "Invalid account request",
                        Response.Status.BAD_REQUEST, "bad").withField("preKey")));
    }

    @Test
    void anInvalidRequestListsItsErrors() {
        InvalidRequestProblem problem = InvalidRequestProblem.of(List.of(
                new InvalidRequestProblem.FieldError("code", "must be six digits"),
                new InvalidRequestProblem.FieldError("", "must not be null")));

        assertEquals("{\"type\":\"urn:tacit:problem:invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
                        + "\"detail\":\"The request breaks 2 constraint(s); see errors.\",\"errors\":["
                        + "{\"field\":\"code\",\"message\":\"must be six digits\"},"
                        + "{\"field\":\"\",\"message\":\"must not be null\"}]}",
                JSON.toJson(problem));
    }
}
