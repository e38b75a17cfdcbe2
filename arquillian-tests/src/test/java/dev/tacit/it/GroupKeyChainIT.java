package dev.tacit.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.tacit.arquillian.ServerClock;
import dev.tacit.arquillian.TacitHttp;
import dev.tacit.arquillian.TestAccounts;
import dev.tacit.arquillian.TestDatabase;
import dev.tacit.arquillian.TestMessaging.Party;
import dev.tacit.arquillian.TestNumbers;
import dev.tacit.client.account.AccountClient;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.group.GroupSignedMessage;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.wire.Base64Url;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The chain of an account's group keys on the server (docs/protocol.md §4.29, §4.30, V14's table {@code group_key}):
 * a registration starts it, a replacement starts a new one and forgets the old keys, the catch-up endpoint gives a
 * credential holder the updates since its key, and one and the same answer to everyone else.
 */
@ExtendWith(ArquillianExtension.class)
class GroupKeyChainIT {

    private static final URI CATCH_UP = TacitHttp.API.resolve("group-key-updates");

    private final TestNumbers numbers = TestNumbers.freshPrefix();

    @AfterEach
    void resetClock() {
        ServerClock.reset();
    }

    @Test
    void aRegistrationStartsTheChainAndAnotherGroupKeyStartsANewOneForgettingTheOld() throws Exception {
        Party alice = Party.register(numbers.next());
        byte[] first = alice.account.keys().group().groupPublicKey().toBytes();
        assertEquals(List.of(new Row(0, first, null)), chain(alice.number), "epoch 0: the registered key, no update");
        assertEquals(0, accountClient(alice).describe().getInt("groupKeyEpoch"));

        accountClient(alice).replaceGroupPublicKey(alice.account.keys().group().groupPublicKey());
        assertEquals(List.of(new Row(0, first, null)), chain(alice.number), "the same key again changes nothing");

        GroupManagerKey replacement = GroupManagerKey.generate(4);
        byte[] second = replacement.groupPublicKey().toBytes();
        accountClient(alice).replaceGroupPublicKey(replacement.groupPublicKey());
        assertEquals(List.of(new Row(1, second, null)), chain(alice.number),
                "a new chain at the next epoch; the old key is forgotten");
        JsonObject described = accountClient(alice).describe();
        assertEquals(1, described.getInt("groupKeyEpoch"));
        assertEquals(Base64Url.encode(second), described.getString("groupPublicKey"));

        HttpResponse<String> old = catchUp(alice.number, alice.nextCredential(), ServerClock.instant());
        assertEquals(400, old.statusCode(), "a credential of the replaced group is refused: " + old.body());
        assertEquals("urn:tacit:problem:group-key-updates-refused", TacitHttp.json(old).getString("type"));
        HttpResponse<String> current = catchUp(alice.number, replacement.mintMember(0), ServerClock.instant());
        assertEquals(200, current.statusCode(), current.body());
        JsonObject answer = TacitHttp.json(current);
        assertEquals(1, answer.getInt("epoch"));
        assertEquals(Base64Url.encode(second), answer.getString("groupPublicKey"));
        assertEquals(0, answer.getJsonArray("updates").size(), "the current key: nothing to catch up");
    }

    @Test
    void theCatchUpAnswersAlikeForAnUnregisteredNumberAnUnknownKeyABadSignatureAndAStaleTime() throws Exception {
        Party alice = Party.register(numbers.next());
        Party bob = Party.register(numbers.next());
        MemberCredential alicesMember = alice.nextCredential();
        Instant now = ServerClock.instant();
        int rows = TestDatabase.replySignatures();

        HttpResponse<String> accepted = catchUp(alice.number, alicesMember, now);
        assertEquals(200, accepted.statusCode(), accepted.body());

        PhoneNumber nobody = PhoneNumber.of(numbers.next());
        List<HttpResponse<String>> refused = List.of(
                catchUp(nobody, alicesMember, now),                                  // no account
                catchUp(alice.number, bob.nextCredential(), now),                    // Bob's key is not Alice's
                post(request(alice.number, alicesMember.groupPublicKey().toBytes(), now,
                        bob.nextCredential().sign(GroupSignedMessage.ofGroupKeyUpdatesRequest(alice.number,
                                alicesMember.groupPublicKey().toBytes(), now)).toBytes())), // Alice's key, Bob's member
                catchUp(alice.number, alicesMember, now.minus(Duration.ofMinutes(6))), // not fresh
                post(request(alice.number, alicesMember.groupPublicKey().toBytes(), now,
                        alicesMember.sign(GroupSignedMessage.ofGroupKeyUpdatesRequest(alice.number,
                                alicesMember.groupPublicKey().toBytes(), now.plusSeconds(1))).toBytes()))); // other time
        String first = refused.get(0).body();
        for (HttpResponse<String> answer : refused) {
            assertEquals(400, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(first, answer.body(), "one and the same answer");
        }
        assertEquals("urn:tacit:problem:group-key-updates-refused", TacitHttp.json(refused.get(0)).getString("type"));
        assertEquals(rows, TestDatabase.replySignatures(), "a catch-up records nothing");

        HttpResponse<String> malformed = post(Json.createObjectBuilder().add("recipient", "4915100000000")
                .add("groupPublicKey", Base64Url.encode(alicesMember.groupPublicKey().toBytes()))
                .add("timestamp", now.getEpochSecond())
                .add("groupSignature", "AAAA").build());
        assertEquals(400, malformed.statusCode());
        assertEquals("urn:tacit:problem:group-key-request-invalid", TacitHttp.json(malformed).getString("type"));
        assertEquals("recipient", TacitHttp.json(malformed).getString("field"));
    }

    /** A catch-up request signed by {@code credential} for its own key, as a contact's client sends it. */
    static HttpResponse<String> catchUp(PhoneNumber recipient, MemberCredential credential, Instant at) {
        byte[] key = credential.groupPublicKey().toBytes();
        return post(request(recipient, key, at,
                credential.sign(GroupSignedMessage.ofGroupKeyUpdatesRequest(recipient, key, at)).toBytes()));
    }

    private static JsonObject request(PhoneNumber recipient, byte[] key, Instant at, byte[] signature) {
        return Json.createObjectBuilder().add("recipient", recipient.e164())
                .add("groupPublicKey", Base64Url.encode(key))
                .add("timestamp", at.getEpochSecond())
                .add("groupSignature", Base64Url.encode(signature)).build();
    }

    private static HttpResponse<String> post(JsonObject body) {
        return TacitHttp.send(HttpRequest.newBuilder(CATCH_UP).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static AccountClient accountClient(Party party) {
        return new AccountClient(TestAccounts.api(), party.number, party.account.keys().identity(), ServerClock.clock(),
                TestAccounts.RANDOM);
    }

    /** One row of {@code group_key}. */
    record Row(int epoch, byte[] key, byte[] update) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && epoch == row.epoch && Arrays.equals(key, row.key)
                    && Arrays.equals(update, row.update);
        }

        @Override
        public int hashCode() {
            return epoch;
        }

        @Override
        public String toString() {
            return "Row[" + epoch + ", " + key.length + " bytes" + (update == null ? "" : ", update") + "]";
        }
    }

    /** The account's rows of {@code group_key}, by epoch. */
    static List<Row> chain(PhoneNumber account) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT epoch, group_public_key, group_key_update FROM tacit.group_key
                     WHERE account = ? ORDER BY epoch""")) {
            query.setString(1, account.e164());
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getInt(1), result.getBytes(2), result.getBytes(3)));
                }
            }
        }
        return rows;
    }
}
