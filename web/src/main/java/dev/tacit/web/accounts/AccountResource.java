package dev.tacit.web.accounts;

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

import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.accounts.AccountService;
import dev.tacit.server.accounts.Registration;
import dev.tacit.server.accounts.RegistrationResult;

/** {@code /v1/accounts}: registration of a verified number. */
@Path("accounts")
@RequestScoped
public class AccountResource {

    @Inject
    AccountService accounts;

    /** Registers the number, or re-registers it for a new device: 201 when new, 200 when re-registered. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@NotNull @Valid RegistrationRequest request) {
        RegistrationResult result = accounts.register(new Registration(
                request.verificationToken(),
                BinaryMember.decode("certificationRequest", request.certificationRequest()),
                BinaryMember.decode("envelopeKey", request.envelopeKey()),
                BinaryMember.decode("preKey", request.preKey()),
                BinaryMember.decode("groupPublicKey", request.groupPublicKey()),
                request.tokenRequests().stream().map(token -> BinaryMember.decode("tokenRequests", token)).toList()));
        RegistrationResponse response = new RegistrationResponse(Base64Url.encode(result.certificate().toBytes()),
                result.tokenResponses().stream().map(token -> Base64Url.encode(token.encode())).toList());
        return Response.status(result.newAccount() ? Response.Status.CREATED : Response.Status.OK)
                .entity(response).build();
    }
}
