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
 * (docs/protocol.md §4.3, §4.4).
 */
@Path("verification")
@RequestScoped
public class VerificationResource {

    @Inject
    PhoneVerificationService verification;

    /** Texts a code to the number: {@code 202 Accepted}, no body. */
    @POST
    @Path("code")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestCode(@NotNull @Valid CodeRequest request) {
        verification.requestCode(request.number());
        return Response.accepted().build();
    }

    /** Exchanges the number and its code for a verification token. */
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public VerificationTokenResponse confirm(@NotNull @Valid ConfirmationRequest request) {
        return VerificationTokenResponse.of(verification.confirm(request.number(), request.code()));
    }
}
