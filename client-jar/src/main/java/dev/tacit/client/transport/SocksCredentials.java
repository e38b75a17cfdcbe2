package dev.tacit.client.transport;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import dev.tacit.crypto.wire.Base64Url;

/**
 * The RFC 1929 username and password one anonymous session presents to the SOCKS5 proxy. They are random and
 * fresh for each session: Tor isolates streams by SOCKS credentials (IsolateSOCKSAuth, on by default), so each
 * session gets a circuit of its own and the exit sees no two operations on one circuit. They authenticate
 * nothing and are never reused.
 */
final class SocksCredentials {

    private static final int RANDOM_BYTES = 16;

    private final byte[] username;
    private final byte[] password;

    private SocksCredentials(byte[] username, byte[] password) {
        this.username = username;
        this.password = password;
    }

    static SocksCredentials fresh(SecureRandom random) {
        return new SocksCredentials(randomText(random), randomText(random));
    }

    private static byte[] randomText(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64Url.encode(bytes).getBytes(StandardCharsets.US_ASCII);
    }

    byte[] username() {
        return username.clone();
    }

    byte[] password() {
        return password.clone();
    }

    @Override
    public String toString() {
        return "SocksCredentials[<random>]";
    }
}
