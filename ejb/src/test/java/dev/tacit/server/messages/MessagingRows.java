package dev.tacit.server.messages;

import java.time.Instant;
import java.util.Arrays;

import jakarta.persistence.EntityManager;

/** Rows the messaging store tests start from, and the stores under test built on a test's EntityManager. */
final class MessagingRows {

    private MessagingRows() {
    }

    /** An account row for {@code number} (the mailboxes and tokens refer to it); the keys are filler. */
    static void account(EntityManager em, String number) {
        em.createNativeQuery("""
                        INSERT INTO tacit.account (number, identity_key, certificate, envelope_key, pre_key,
                                                   group_public_key, tokens_issued, registered_at, updated_at,
                                                   last_active_at)
                        VALUES (?1, ?2, '\\x00', '\\x00', '\\x00', '\\x00', 5, ?3, ?3, ?3)""")
                .setParameter(1, number)
                .setParameter(2, bytes(32, 1))
                .setParameter(3, Instant.parse("2026-11-01T00:00:00Z"))
                .executeUpdate();
    }

    static byte[] bytes(int length, int fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    static SpentTokenId token(int fill) {
        return new SpentTokenId(bytes(32, 0x11), bytes(32, fill));
    }

    static TokenHandle handle(int fill) {
        return TokenHandle.of(bytes(16, fill));
    }

    static MessageStore messages(EntityManager em) {
        MessageStore store = new MessageStore();
        store.entityManager = em;
        return store;
    }

    static FirstContactTokenStore tokens(EntityManager em) {
        FirstContactTokenStore store = new FirstContactTokenStore();
        store.entityManager = em;
        return store;
    }

    static ReplySignatureStore replies(EntityManager em) {
        ReplySignatureStore store = new ReplySignatureStore();
        store.entityManager = em;
        return store;
    }
}
