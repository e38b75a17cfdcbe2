package dev.tacit.arquillian;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Phone verification's two calls as raw HTTP (docs/protocol.md §4.5, §4.6), for tests that look at every
 * answer, with what the SMS provider stub received; and the checks of a problem answer.
 */
public final class VerificationRequests {

    private static final Pattern CODE = Pattern.compile("Your Tacit code: ([0-9]{6})");

    private VerificationRequests() {
    }

    /** {@code POST /v1/verification/code} for {@code number}. */
    public static HttpResponse<String> requestCode(String number) {
        return post("verification/code", Json.createObjectBuilder().add("number", number).build().toString());
    }

    /** The send proof of a 202 answer to {@link #requestCode}. */
    public static String sendProof(HttpResponse<String> sent) {
        assertEquals(202, sent.statusCode(), sent.body());
        return TacitHttp.json(sent).getString("sendProof");
    }

    /** {@code POST /v1/verification/confirm}. */
    public static HttpResponse<String> confirm(String number, String code, String sendProof) {
        return post("verification/confirm", Json.createObjectBuilder()
                .add("number", number).add("code", code).add("sendProof", sendProof).build().toString());
    }

    public static HttpResponse<String> post(String path, String json) {
        HttpResponse<String> response = TacitHttp.send(HttpRequest.newBuilder(TacitHttp.API.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (response.statusCode() / 100 == 2 && response.headers().firstValue("Content-Type")
                .filter(type -> type.startsWith("application/json")).isPresent()) {
            IssuedSecrets.rememberMembersOf(TacitHttp.json(response));
        }
        return response;
    }

    /** The code of the latest text to {@code e164}. */
    public static String codeSentTo(String e164) {
        return SmsProviderStub.latestCodeFor(e164).orElseThrow(() -> new AssertionError("no code was sent to " + e164));
    }

    /** The code of the {@code index}-th text (from 0) to {@code e164}. */
    public static String codeOfText(String e164, int index) {
        List<String> texts = SmsProviderStub.messagesTo(e164);
        Matcher matcher = CODE.matcher(texts.get(index));
        if (!matcher.matches()) {
            throw new AssertionError("text " + index + " to " + e164 + " carries no code");
        }
        return matcher.group(1);
    }

    /** A six-digit code other than {@code code}. */
    public static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    /** Checks that {@code response} is the problem document of {@code type} with {@code status}. */
    public static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = TacitHttp.json(response);
        assertEquals(type, problem.getString("type"));
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("detail").isBlank());
        return problem;
    }

    /** The Retry-After of a 429, in seconds. */
    public static long retryAfterSeconds(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Retry-After")
                .orElseThrow(() -> new AssertionError("no Retry-After: " + response.body())));
    }
}
