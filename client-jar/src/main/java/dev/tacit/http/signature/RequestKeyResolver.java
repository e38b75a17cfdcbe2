package dev.tacit.http.signature;

import java.util.Optional;

/** Looks up an account's identity key by its {@code keyid} (E.164 phone number); empty if unknown. */
@FunctionalInterface
public interface RequestKeyResolver {

    Optional<RequestVerificationKey> resolve(String keyId);
}
