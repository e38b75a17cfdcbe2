package dev.tacit.web.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import dev.tacit.crypto.identity.PemCertificateChain;
import dev.tacit.server.identity.CertificateAuthorityKeys;

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
    public String all() {
        return PemCertificateChain.write(authority.published());
    }

    /** {@code GET /v1/ca-certificates/current}: the CA that issues certificates now, DER-encoded. */
    @GET
    @Path("current")
    @Produces(PKIX_CERT)
    public byte[] current() {
        return authority.issuing().certificate().toBytes();
    }
}
