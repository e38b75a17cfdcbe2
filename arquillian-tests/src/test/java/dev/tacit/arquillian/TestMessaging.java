package dev.tacit.arquillian;

import java.util.ArrayList;
import java.util.List;

import dev.tacit.client.TacitClientException;
import dev.tacit.client.discovery.ContactLookup;
import dev.tacit.client.discovery.DiscoveryClient;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.messages.MessagingClient;
import dev.tacit.client.messages.PendingMessage;
import dev.tacit.client.messages.TokenWallet;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.crypto.MalformedEncodingException;
import dev.tacit.crypto.VerificationFailedException;
import dev.tacit.crypto.group.MemberCredential;
import dev.tacit.crypto.identity.KeyBundle;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.VerifiedKeyBundle;
import dev.tacit.crypto.message.LocalAccount;

/** Registered parties of a messaging test, each with its client-library calls, keys and tokens. */
public final class TestMessaging {

    private TestMessaging() {
    }

    /** An account as its own client sees it: keys, tokens, the anonymous and the signed calls. */
    public static final class Party {

        public final RegisteredAccount account;
        public final PhoneNumber number;
        public final LocalAccount local;
        public final TokenWallet wallet;
        public final MessagingClient messaging;
        public final MailboxClient mailbox;
        public final DiscoveryClient discovery;
        private int nextMember = 1;

        private Party(RegisteredAccount account) throws MalformedEncodingException {
            this.account = account;
            this.number = account.identity().phoneNumber();
            this.local = LocalAccount.of(number, account.keys().identity(), account.identity().certificate(),
                    account.keys().envelopeKey(), account.keys().signedPreKey().keyId(), account.keys().preKey());
            this.wallet = new TokenWallet(account.tokens());
            this.messaging = new MessagingClient(TestAccounts.anonymous());
            this.mailbox = new MailboxClient(TestAccounts.api(), number, account.keys().identity(), ServerClock.clock(),
                    TestAccounts.RANDOM);
            this.discovery = TestDiscovery.client(account);
        }

        /** Verifies and registers {@code number} with fresh keys. */
        public static Party register(String number) throws Exception {
            return new Party(TestAccounts.register(number));
        }

        /** A member credential of this party's own group not handed to anyone yet. */
        public synchronized MemberCredential nextCredential() {
            return account.keys().group().mintMember(nextMember++);
        }

        /**
         * {@code other}'s key bundle as this party's client gets it: an anonymous contact look-up (§4.11), verified
         * against the pinned CA.
         */
        public VerifiedKeyBundle lookUp(Party other) throws TacitClientException {
            ContactLookup found = discovery.lookUp(List.of(other.number)).get(0);
            if (!(found instanceof ContactLookup.Registered registered)) {
                throw new AssertionError(other + " is not found registered");
            }
            return registered.keyBundle();
        }

        /**
         * This party's key bundle as published, verified against the pinned CA: what {@link #lookUp} gives, without
         * spending a discovery token, for tests that send many messages.
         */
        public VerifiedKeyBundle bundle() throws MalformedEncodingException, VerificationFailedException {
            return KeyBundle.of(account.identity().certificate(), account.keys().signedEnvelopeKey(),
                    account.keys().signedPreKey()).verify(TestAccounts.pinnedCa(), ServerClock.instant());
        }

        /** Every pending message, acknowledged once read. */
        public List<PendingMessage> receiveAll() throws TacitClientException {
            List<PendingMessage> messages = new ArrayList<>(mailbox.listAll());
            for (PendingMessage message : messages) {
                mailbox.acknowledge(message.id());
            }
            return messages;
        }

        @Override
        public String toString() {
            return "Party[" + number.e164() + "]";
        }
    }
}
