package dev.tacit.server.accounts;

import java.util.List;

/**
 * A registration request as received, each key in its protocol encoding (docs/protocol.md §4.5); the
 * service decodes and checks every one.
 */
public record Registration(String verificationToken, byte[] certificationRequest, byte[] envelopeKey,
                           byte[] preKey, byte[] groupPublicKey, List<byte[]> tokenRequests) {

    public Registration {
        tokenRequests = List.copyOf(tokenRequests);
    }
}
