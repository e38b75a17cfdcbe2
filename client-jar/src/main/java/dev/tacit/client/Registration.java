package dev.tacit.client;

import dev.tacit.crypto.identity.PhoneNumber;

/**
 * What a registration or re-registration through {@link TacitClient} achieved; the keys, certificate and tokens
 * are in the client's state.
 *
 * @param number          the registered number
 * @param tokensReceived  first-contact tokens issued by this registration: five at a number's first, else none
 * @param reRegistration  whether it replaced the keys of an account this client held
 */
public record Registration(PhoneNumber number, int tokensReceived, boolean reRegistration) {
}
