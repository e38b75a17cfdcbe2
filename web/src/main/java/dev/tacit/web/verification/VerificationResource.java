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
    public Response requestCode(@NotNull @Valid CodeRequest request) {
        return Response.accepted(SendProofResponse.of(verification.requestCode(request.number()))).build();
    }

    /** Exchanges the number, its code and the proof of the send for a verification token. */
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public VerificationTokenResponse confirm(@NotNull @Valid ConfirmationRequest request) {
        return VerificationTokenResponse.of(verification.confirm(request.number(), request.code(), request.sendProof()));
    }
}
