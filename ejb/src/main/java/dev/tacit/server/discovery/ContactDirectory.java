package dev.tacit.server.discovery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import dev.tacit.crypto.identity.PhoneNumber;

/**
 * What accounts publish for others to write to them, read for look-ups: one indexed query for all numbers of
 * a look-up, whether they are registered or not. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ContactDirectory {

    @PersistenceContext(unitName = "tacit")
    EntityManager entityManager;

    /** The published keys of each of {@code numbers} that is registered, by number. */
    public Map<PhoneNumber, PublishedBundle> find(List<PhoneNumber> numbers) {
        StringBuilder sql = new StringBuilder("""
                SELECT number, certificate, envelope_key, pre_key, group_public_key FROM {h-schema}account
                WHERE number IN (""");
        for (int i = 1; i <= numbers.size(); i++) {
            sql.append(i == 1 ? "?" : ", ?").append(i);
        }
        Query query = entityManager.createNativeQuery(sql.append(')').toString());
        for (int i = 0; i < numbers.size(); i++) {
            query.setParameter(i + 1, numbers.get(i).e164());
        }
        Map<String, PhoneNumber> byText = new HashMap<>();
        numbers.forEach(number -> byText.put(number.e164(), number));
        Map<PhoneNumber, PublishedBundle> found = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            found.put(byText.get((String) columns[0]), new PublishedBundle((byte[]) columns[1], (byte[]) columns[2],
                    (byte[]) columns[3], (byte[]) columns[4]));
        }
        return found;
    }

    /** An account's certificate and keys, each in its protocol encoding, as checked when they were published. */
    public record PublishedBundle(byte[] certificate, byte[] envelopeKey, byte[] preKey, byte[] groupPublicKey) {
    }
}
