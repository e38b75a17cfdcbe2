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

import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.accounts.AccountService;
import dev.tacit.server.accounts.Registration;
import dev.tacit.server.accounts.RegistrationResult;
import dev.tacit.web.ApiDocs;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.tacit.web.content.BinaryMembers;
import dev.tacit.server.accounts.InvalidAccountRequestException;

/** {@code /v1/accounts}: registration of a verified number. */
@Path("accounts")
@RequestScoped
public class AccountResource {

    private static final BinaryMembers MEMBERS = BinaryMembers.refusedWith(InvalidAccountRequestException::new);

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
    @Tag(name = ApiDocs.TAG_REGISTRATION)
    @Operation(operationId = "register", summary = "Register a verified number, or re-register it for new keys",
            description = "docs/protocol.md §4.7: all or nothing. The server checks every member, then issues the"
                    + " identity certificate and, once per number ever, blind-signs the five token requests."
                    + " Anonymous with a verification token (§4.6), unless the number's account is locked (active"
                    + " within the lock period); or signed (§5) by the account's current identity key, keyid the"
                    + " number, with Content-Digest and without a verification token: that re-registers the"
                    + " account regardless of the lock.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet({@SecurityRequirement(name = ApiDocs.SIGNATURE),
            @SecurityRequirement(name = ApiDocs.SIGNATURE_INPUT)})
    @APIResponse(responseCode = "201", description = "A new account: its certificate and five token responses.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "200", description = "A re-registration (a new device): its certificate; no tokens.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "400", description = "Problem type urn:tacit:problem:invalid-verification-token,"
                    + " urn:tacit:problem:expired-verification-token, urn:tacit:problem:invalid-account-request"
                    + " (member in field; also a missing verification token in an unsigned request, or one in a"
                    + " signed request), urn:tacit:problem:invalid-request, or about:blank (unreadable JSON).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "409", description = "Problem type urn:tacit:problem:verification-already-used:"
                    + " the verification token registered before.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "423", description = "Problem type urn:tacit:problem:registration-locked: the"
                    + " number's account is in use; re-register it with a request signed by its identity key, or"
                    + " after lockedUntil.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @APIResponse(responseCode = "429", ref = ApiDocs.SIGNED_REQUESTS_LIMITED)
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public Response register(@NotNull @Valid RegistrationRequest request) {
        Registration registration = new Registration(
                request.verificationToken(),
                MEMBERS.decode("certificationRequest", request.certificationRequest()),
                MEMBERS.decode("envelopeKey", request.envelopeKey()),
                MEMBERS.decode("preKey", request.preKey()),
                MEMBERS.decode("groupPublicKey", request.groupPublicKey()),
                request.tokenRequests().stream().map(token -> MEMBERS.decode("tokenRequests", token)).toList());
        RegistrationResult result = security.getUserPrincipal() == null ? accounts.register(registration)
                : accounts.reRegisterSigned(security.getUserPrincipal().getName(), registration);
        RegistrationResponse response = new RegistrationResponse(Base64Url.encode(result.certificate().toBytes()),
                result.tokenResponses().stream().map(token -> Base64Url.encode(token.encode())).toList());
        return Response.status(result.newAccount() ? Response.Status.CREATED : Response.Status.OK)
                .entity(response).build();
    }
}
