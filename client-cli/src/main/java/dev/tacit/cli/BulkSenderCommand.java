package dev.tacit.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.json.Json;

import dev.tacit.client.TacitClientException;
import dev.tacit.client.bulk.BulkSenderGrant;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tacit bulk-sender}: prove a certificate, then take first-contact tokens from the bulk senders' allowance. */
@Command(name = "bulk-sender", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        header = "Become a bulk sender with a certificate, and take tokens from its larger allowance.",
        description = {
            "A server may grant more first-contact tokens to an account that proves it holds the private key of an "
                    + "X.509 certificate its operator trusts (by default an Extended Validation certificate): first "
                    + "`tacit bulk-sender prove`, then `tacit bulk-sender tokens <n>` as often as the allowance per "
                    + "period allows. The server learns that the account is a bulk sender, through which certificate, "
                    + "and how many tokens it takes; not to whom it writes.",
            ""},
        subcommands = {BulkSenderCommand.Prove.class, BulkSenderCommand.Tokens.class})
final class BulkSenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw ClientCommand.usage(spec, "name what to do: prove, or tokens");
    }

    /** {@code tacit bulk-sender prove --chain <pem> --key <pem>}. */
    @Command(name = "prove", mixinStandardHelpOptions = true, usageHelpWidth = 100,
            header = "Prove a certificate's key, signed and direct, to be granted as a bulk sender.",
            description = {
                "Signs a fresh challenge of the server with the certificate's private key and sends it with the chain; "
                        + "the server validates the chain to its trust anchors, with its required policy and revocation "
                        + "checks, at its own time. A refusal prints the server's reason as its problem type "
                        + "(urn:tacit:problem:bulk-sender-...), exit code 3. Keys: RSA (2048 bits or more), ECDSA P-256 "
                        + "or Ed25519, as an unencrypted PEM file (PKCS#8 `PRIVATE KEY`, or `RSA`/`EC PRIVATE KEY`).",
                ""})
    static final class Prove extends ClientCommand {

        @Option(names = "--chain", required = true, paramLabel = "<file>",
                description = "PEM certificates, the leaf first, then its intermediates (the root may follow).")
        Path chain;

        @Option(names = "--key", required = true, paramLabel = "<file>",
                description = "The leaf certificate's private key, unencrypted PEM.")
        Path key;

        @Override
        void run() throws TacitClientException {
            List<X509Certificate> certificates = readChain(spec, chain);
            PrivateKey privateKey = readKey(spec, key);
            BulkSenderGrant grant = withClient((client, progress) -> {
                try (Progress.Step step = progress.step("Proving the certificate to the server")) {
                    return client.proveBulkSender(certificates, privateKey);
                } catch (IllegalArgumentException e) {
                    throw usage(spec, e.getMessage());
                }
            });
            print(Json.createObjectBuilder().add("granted", true).add("subject", grant.subject())
                            .add("issuer", grant.issuer()).add("certificateSha256", grant.certificateSha256())
                            .add("notAfter", grant.notAfter().toString()).build(),
                    "Granted as a bulk sender for " + grant.subject() + ", until " + grant.notAfter());
        }
    }

    /** {@code tacit bulk-sender tokens <n>}. */
    @Command(name = "tokens", mixinStandardHelpOptions = true, usageHelpWidth = 100,
            header = "Take up to n first-contact tokens from the bulk senders' allowance, signed and direct.",
            description = {
                "Asks for n tokens, in requests of up to 100, and keeps those the server signs with the others in the "
                        + "state; fewer come back when the period's allowance runs out. With none left, exit code 4 and "
                        + "the time until the next period. Needs a grant (`tacit bulk-sender prove`).",
                ""})
    static final class Tokens extends ClientCommand {

        @Parameters(paramLabel = "<n>", description = "How many tokens to take, 1 to 100000.")
        int count;

        @Override
        void run() throws TacitClientException {
            if (count < 1 || count > 100_000) {
                throw usage(spec, "take 1 to 100000 tokens, not " + count);
            }
            record Taken(int added, int held) {
            }
            Taken taken = withClient((client, progress) -> {
                try (Progress.Step step = progress.step("Taking tokens from the bulk senders' allowance")) {
                    int added = client.fetchBulkSenderTokens(count);
                    return new Taken(added, client.tokens().firstContact());
                }
            });
            print(Json.createObjectBuilder().add("added", taken.added()).add("firstContact", taken.held()).build(),
                    "Added " + taken.added() + " first-contact token(s); " + taken.held() + " unspent");
        }
    }

    static List<X509Certificate> readChain(CommandSpec spec, Path file) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw ClientCommand.usage(spec, file + " holds no PEM certificate");
            }
            return chain;
        } catch (IOException | CertificateException | ClassCastException e) {
            throw ClientCommand.usage(spec, file + " is not a readable file of PEM certificates: " + e.getMessage());
        }
    }

    static PrivateKey readKey(CommandSpec spec, Path file) {
        try (Reader text = new StringReader(Files.readString(file, StandardCharsets.US_ASCII));
             PEMParser pem = new PEMParser(text)) {
            Object object = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw ClientCommand.usage(spec, file + " holds no unencrypted PEM private key");
        } catch (IOException e) {
            throw ClientCommand.usage(spec, file + " is not a readable PEM private key: " + e.getMessage());
        }
    }
}
