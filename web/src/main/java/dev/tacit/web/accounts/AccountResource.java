package dev.tacit.web.accounts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import dev.tacit.server.accounts.AccountService;
import dev.tacit.server.accounts.Registration;
import dev.tacit.server.accounts.RegistrationResult;

/** {@code /v1/accounts}: registration of a verified number. */
@Path("accounts")
@RequestScoped
public class AccountResource {

    @Inject
    AccountService accounts;

    @Context
    SecurityContext security;

    /**
     * Registers the number, or re-registers it for a new device: 201 when new, 200 when re-registered. A
     * request signed by the account's identity key (authenticated by the signed-request mechanism, keyid =
     * the number) re-registers without a verification token and regardless of the registration lock.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@NotNull @Valid RegistrationRequest request) {
        Registration registration = new Registration(
                request.verificationToken(),
                Base64Url.decode("certificationRequest", request.certificationRequest()),
                Base64Url.decode("envelopeKey", request.envelopeKey()),
                Base64Url.decode("preKey", request.preKey()),
                Base64Url.decode("groupPublicKey", request.groupPublicKey()),
                request.tokenRequests().stream().map(token -> Base64Url.decode("tokenRequests", token)).toList());
        RegistrationResult result = security.getUserPrincipal() == null ? accounts.register(registration)
                : accounts.reRegisterSigned(security.getUserPrincipal().getName(), registration);
        RegistrationResponse response = new RegistrationResponse(Base64Url.encode(result.certificate().toBytes()),
                result.tokenResponses().stream().map(token -> Base64Url.encode(token.encode())).toList());
        return Response.status(result.newAccount() ? Response.Status.CREATED : Response.Status.OK)
                .entity(response).build();
    }
}
