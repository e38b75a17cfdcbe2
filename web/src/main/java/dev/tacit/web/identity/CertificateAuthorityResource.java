package dev.tacit.web.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import dev.tacit.crypto.identity.PemCertificateChain;
import dev.tacit.server.identity.CertificateAuthorityKeys;
import dev.tacit.web.ApiDocs;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The server's CA certificates, which clients pin to check identity certificates. Anonymous. */
@Path("ca-certificates")
@RequestScoped
public class CertificateAuthorityResource {

    static final String PKIX_CERT = "application/pkix-cert";
    static final String PEM_CHAIN = "application/pem-certificate-chain";

    @Inject
    CertificateAuthorityKeys authority;

    /** {@code GET /v1/ca-certificates}: every CA certificate that identity certificates may chain to, as PEM. */
    @GET
    @Produces(PEM_CHAIN)
    @Tag(name = ApiDocs.TAG_INSTALLATION)
    @Operation(operationId = "caCertificates", summary = "Every CA certificate, to pin",
            description = "docs/protocol.md §4.4: every CA certificate an identity certificate may still chain to,"
                    + " oldest first, each a PEM CERTIFICATE block. Pin all of them. Anonymous.")
    @APIResponse(responseCode = "200", description = "The CA certificates.",
            content = @Content(mediaType = PEM_CHAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public String all() {
        return PemCertificateChain.write(authority.published());
    }

    /** {@code GET /v1/ca-certificates/current}: the CA that issues certificates now, DER-encoded. */
    @GET
    @Path("current")
    @Produces(PKIX_CERT)
    @Tag(name = ApiDocs.TAG_INSTALLATION)
    @Operation(operationId = "currentCaCertificate", summary = "The CA that issues certificates now",
            description = "docs/protocol.md §4.4: the DER certificate of the CA that issues identity certificates"
                    + " now. Anonymous.")
    @APIResponse(responseCode = "200", description = "The DER certificate.",
            content = @Content(mediaType = PKIX_CERT, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "default", ref = ApiDocs.PROBLEM)
    public byte[] current() {
        return authority.issuing().certificate().toBytes();
    }
}
