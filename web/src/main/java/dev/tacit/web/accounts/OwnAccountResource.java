package dev.tacit.web.accounts;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.server.accounts.Account;
import dev.tacit.server.accounts.AccountService;

/**
 * {@code /v1/account}: the signed-in account's own resources. Every request here is authenticated by its
 * request signature (docs/protocol.md §5); the caller is the account that signed.
 */
@Path("account")
@RequestScoped
public class OwnAccountResource {

    @Inject
    AccountService accounts;

    @Context
    SecurityContext security;

    /** {@code GET /v1/account}: the account as the server holds it. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public OwnAccount describe() {
        Account account = accounts.ownAccount(caller());
        return new OwnAccount(account.number(), account.registeredAt(), account.tokensIssued(),
                Base64Url.encode(account.preKey()), Base64Url.encode(account.groupPublicKey()));
    }

    /** {@code PUT /v1/account/pre-key}: a new signed ratchet pre-key. */
    @PUT
    @Path("pre-key")
    @Consumes(MediaType.APPLICATION_JSON)
    public void replacePreKey(@NotNull @Valid PreKeyUpdate update) {
        accounts.replacePreKey(caller(), BinaryMember.decode("preKey", update.preKey()));
    }

    /** {@code PUT /v1/account/group-public-key}: a new BBS group public key. */
    @PUT
    @Path("group-public-key")
    @Consumes(MediaType.APPLICATION_JSON)
    public void replaceGroupPublicKey(@NotNull @Valid GroupPublicKeyUpdate update) {
        accounts.replaceGroupPublicKey(caller(), BinaryMember.decode("groupPublicKey", update.groupPublicKey()));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    /** The account's own view: its number, since when, tokens issued, and its current published keys. */
    public record OwnAccount(String number, Instant registeredAt, int tokensIssued, String preKey,
                             String groupPublicKey) {
    }

    public record PreKeyUpdate(@NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String preKey) {
    }

    public record GroupPublicKeyUpdate(
            @NotNull @Size(max = 1024) @Pattern(regexp = Base64Url.PATTERN) String groupPublicKey) {
    }
}
