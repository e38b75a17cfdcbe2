package dev.tacit.web.verification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.tacit.server.verification.PhoneVerificationService;
import dev.tacit.web.ApiDocs;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/verification}: proving control of a phone number. Anonymous; nothing is stored about a request
 * but abuse counters (docs/protocol.md §4.5, §4.6).
 */
@Path("verification")
@RequestScoped
public class VerificationResource {

    @Inject
    PhoneVerificationService verification;

    /** Texts a code to the number: {@code 202 Accepted} with the proof of the send. */
    @POST
    @Path("code")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = ApiDocs.TAG_REGISTRATION)
    @Operation(operationId = "requestCode", summary = "Text a verification code to a number",
            description = "docs/protocol.md §4.5: the server texts a six-digit code to the number and answers the"
                    + " proof of that send, which confirming the code needs; it stores nothing about the send."
                    + " Texts per number (per send period and per UTC day), per prefix and overall are limited."
                    + " Anonymous.")
    @APIResponse(responseCode = "202", description = "The SMS provider accepted the message: the send proof and"
                    + " when it, and its code, expire.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SendProofResponse.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-request (a member"
                    + " missing or of the wrong length), urn:tacit:problem:invalid-phone-number, or about:blank"
                    + " (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.RATE_LIMITED)
    @APIResponse(responseCode = "502", description = "Problem type urn:tacit:problem:sms-delivery-failed: the SMS"
                    + " provider refused the message or could not be reached; nothing was sent, try again later.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public Response requestCode(@NotNull @Valid CodeRequest request) {
        return Response.accepted(SendProofResponse.of(verification.requestCode(request.number()))).build();
    }

    /** Exchanges the number, its code and the proof of the send for a verification token. */
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = ApiDocs.TAG_REGISTRATION)
    @Operation(operationId = "confirmCode", summary = "Exchange the texted code for a verification token",
            description = "docs/protocol.md §4.6: the code is checked against the send whose proof comes with it,"
                    + " while that proof is valid; wrong codes per send are limited. The token registers the"
                    + " number once (§4.7). Anonymous.")
    @APIResponse(responseCode = "200", description = "The verification token and when it expires.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerificationTokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-request (a member"
                    + " missing or malformed, the send proof included), urn:tacit:problem:invalid-phone-number,"
                    + " urn:tacit:problem:invalid-send-proof (not authentic, or for another number),"
                    + " urn:tacit:problem:expired-send-proof (request a new code),"
                    + " urn:tacit:problem:wrong-verification-code, or about:blank (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiDocs.RATE_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public VerificationTokenResponse confirm(@NotNull @Valid ConfirmationRequest request) {
        return VerificationTokenResponse.of(verification.confirm(request.number(), request.code(), request.sendProof()));
    }
}
