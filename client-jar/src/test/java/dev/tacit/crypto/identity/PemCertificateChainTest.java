package dev.tacit.crypto.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tacit.crypto.MalformedEncodingException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PemCertificateChainTest {

    /**
     * The example CA certificate of docs/protocol.md §3 ({@code ca_certificate}) as OpenSSL writes it:
     * {@code xxd -r -p | openssl x509 -inform DER -outform PEM}.
     */
    private static final String EXAMPLE_CA_PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBODCB66ADAgECAhBrKHxsRDujKcIOFV3gmPCOMAUGAytlcDAbMRkwFwYDVQQD
            DBBUYWNpdCBleGFtcGxlIENBMB4XDTI2MDEwMTAwMDAwMFoXDTI3MDEwMTAwMDAw
            MFowGzEZMBcGA1UEAwwQVGFjaXQgZXhhbXBsZSBDQTAqMAUGAytlcAMhAAOhB7/z
            zhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4o0UwQzASBgNVHRMBAf8ECDAGAQH/
            AgEAMA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQU/YGm22TW+vf3AsB5cagsJcHc
            PJAwBQYDK2VwA0EAdr7gHBTTTIZAA4zg2P8lOHtA7e9NcAZzHKcIRKF8fKO5gLT4
            A1fTFbifOZHM/p9q/yyRuiZSQTK5jbdo8AQLAQ==
            -----END CERTIFICATE-----
            """;

    private final ExampleAccounts accounts = new ExampleAccounts();

    @Test
    void writesOneBlockPerCertificateAsOpenSslDoes() {
        CaCertificate ca = accounts.ca.certificate();

        String chain = PemCertificateChain.write(List.of(ca, ca));

        // RFC 7468 allows either line ending; PemWriter writes the platform's.
        assertEquals(EXAMPLE_CA_PEM + EXAMPLE_CA_PEM, chain.replace(System.lineSeparator(), "\n"));
        assertEquals("", PemCertificateChain.write(List.of()));
    }

    @Test
    void readsOpenSslsText() throws Exception {
        List<CaCertificate> read = PemCertificateChain.read(
                (EXAMPLE_CA_PEM + EXAMPLE_CA_PEM).getBytes(StandardCharsets.US_ASCII));

        assertEquals(2, read.size());
        assertArrayEquals(accounts.ca.certificate().toBytes(), read.get(0).toBytes());
        assertArrayEquals(accounts.ca.certificate().toBytes(), read.get(1).toBytes());
    }

    @Test
    void rejectsBlocksThatAreNotCaCertificates() {
        String identityCertificate = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(accounts.alice.certificate.toBytes())
                + "\n-----END CERTIFICATE-----\n";
        String garbage = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

        assertThrows(MalformedEncodingException.class, () -> PemCertificateChain.read(
                (EXAMPLE_CA_PEM + identityCertificate).getBytes(StandardCharsets.US_ASCII)));
        assertThrows(MalformedEncodingException.class, () -> PemCertificateChain.read(
                garbage.getBytes(StandardCharsets.US_ASCII)));
    }
}
