package dev.tacit.client;

import java.net.URI;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.json.JsonObject;

import dev.tacit.client.account.AccountClient;
import dev.tacit.client.bulk.BulkSenderClient;
import dev.tacit.client.bulk.BulkSenderGrant;
import dev.tacit.client.bulk.BulkSenderRefusedException;
import dev.tacit.client.discovery.ContactLookup;
import dev.tacit.client.discovery.DiscoveryAllowanceSpentException;
import dev.tacit.client.discovery.DiscoveryApi;
import dev.tacit.client.discovery.DiscoveryClient;
import dev.tacit.client.discovery.UntrustedKeyBundleException;
import dev.tacit.client.messages.MailboxClient;
import dev.tacit.client.messages.OutOfTokensException;
import dev.tacit.client.messages.RecipientNotRegisteredException;
import dev.tacit.client.registration.AccountSetup;
import dev.tacit.client.registration.RegisteredAccount;
import dev.tacit.client.registration.RegistrationClient;
import dev.tacit.client.registration.RegistrationLockedException;
import dev.tacit.client.registration.SentCode;
import dev.tacit.client.registration.VerificationToken;
import dev.tacit.client.state.AccountRecord;
import dev.tacit.client.state.BlockedContactRecord;
import dev.tacit.client.state.ClientState;
import dev.tacit.client.state.ServerRecord;
import dev.tacit.client.state.StateDirectory;
import dev.tacit.client.transport.AnonymousSession;
import dev.tacit.client.transport.AnonymousTransport;
import dev.tacit.client.transport.DirectTransport;
import dev.tacit.client.transport.SocksProxy;
import dev.tacit.crypto.group.GroupManagerKey;
import dev.tacit.crypto.identity.CaCertificate;
import dev.tacit.crypto.identity.PhoneNumber;
import dev.tacit.crypto.identity.PinnedCaVerifier;
import dev.tacit.crypto.token.PendingToken;
import dev.tacit.crypto.token.TokenClient;
import dev.tacit.crypto.token.TokenPurpose;
import dev.tacit.crypto.wire.Base64Url;
import dev.tacit.http.signature.AccountRequestKeys;
import dev.tacit.http.signature.RequestSigner;

/**
 * The Tacit client: one object over one account's state directory and its server, for everything the protocol
 * lets an account do. Each operation picks its transport — registration and account requests go over the
 * {@link DirectTransport}, signed where the protocol says so (docs/protocol.md §5); operations the server must
 * not link to the account go through the {@link AnonymousTransport}, a SOCKS5 proxy (Tor's at
 * {@code 127.0.0.1:9050} unless told otherwise) with a circuit of their own, and fail with
 * {@link ProxyUnreachableException} rather than ever going direct. What an operation changes in the state
 * (keys, certificate, tokens) is saved before it returns.
 *
 * <p>Messaging: {@link #send} (a first contact paid with a token, or a group-signed reply), {@link #receive} (or
 * {@link #follow} to receive as messages arrive),
 * {@link #release} (at a random time within a window, by default) and {@link #reportSpam} for a received first
 * contact, {@link #refreshTokens} to bring released tokens back (each with a reputation stamp), {@link #redeemStamps}
 * and {@link #redeemDueStamps} to turn stamps into first-contact tokens, {@link #rotateKeys}, {@link #block} a contact. Contacts and the credentials
 * they handed over, conversations, spent and held tokens, planned releases and the mailbox's unacknowledged
 * messages are records of the state (docs/protocol.md §3.10).
 *
 * <p>Failures are typed: {@link RateLimitedException} (with the time to wait), {@link RegistrationLockedException}
 * (re-register with the current key, {@link #reRegister()}), {@link OutOfTokensException},
 * {@link RecipientNotRegisteredException}, {@link NoSuchContactException}, {@link BlockedByContactException},
 * {@link CredentialNotAcceptedException}, {@link GroupKeyConflictException}, {@link BulkSenderRefusedException},
 * {@link ProblemResponseException} (any
 * other refusal, with the server's problem type), {@link ServerUnreachableException},
 * {@link ProxyUnreachableException}, {@link NotRegisteredException}, {@link ServerChangedException}, and the state
 * directory's {@link dev.tacit.client.state.StateException}s.
 *
 * <p><b>Adding operations.</b> A feature's calls live in a client class of their own that takes the transport
 * its operations need — {@link DirectTransport} with {@link #accountSigner()} for signed ones, an
 * {@link dev.tacit.client.transport.AnonymousSession} opened from {@link #anonymous()} per anonymous
 * operation — and keeps what must outlast the process as records of the state ({@link #state()}, a new
 * {@link dev.tacit.client.state.RecordType} where none fits). This class then gains one method per operation
 * that runs it and saves the state.
 *
 * <p>Not thread-safe: one operation at a time. Closing it releases the connections; the state directory stays
 * with whoever opened it.
 */
public final class TacitClient implements AutoCloseable {

    private final StateDirectory state;
    private final DirectTransport direct;
    private final AnonymousTransport anonymous;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration releaseWindow;
    private final MailboxClient.ReleaseTime releaseTime;

    private TacitClient(StateDirectory state, URI server, URI anonymousServer, SocksProxy proxy, Clock clock,
                        SecureRandom random, Duration releaseWindow, MailboxClient.ReleaseTime releaseTime) {
        this.state = state;
        this.direct = DirectTransport.to(server);
        this.anonymous = AnonymousTransport.through(proxy, anonymousServer, random);
        this.clock = clock;
        this.random = random;
        this.releaseWindow = releaseWindow;
        this.releaseTime = releaseTime;
    }

    /** A client over the state in {@code state}, opened (or created) by the caller, who also closes it. */
    public static Builder builder(StateDirectory state) {
        return new Builder(state);
    }

    /** Configures a {@link TacitClient}. */
    public static final class Builder {

        private final StateDirectory state;
        private URI server;
        private URI anonymousServer;
        private SocksProxy proxy = SocksProxy.TOR;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;
        private Duration releaseWindow = MailboxClient.MAX_CLIENT_RELEASE_DELAY;
        private MailboxClient.ReleaseTime releaseTime = MailboxClient.ReleaseTime.LATER;

        private Builder(StateDirectory state) {
            this.state = Objects.requireNonNull(state, "state");
        }

        /**
         * The server's root, e.g. {@code https://tacit.example}: needed for a new state; a state that has
         * registered remembers its server, and this replaces the address (the installation must stay the same).
         */
        public Builder server(URI server) {
            this.server = Objects.requireNonNull(server, "server");
            return this;
        }

        /**
         * The server's root as anonymous operations reach it through the proxy, if not {@link #server}'s: an onion
         * service's address, say, or a numeric address where the proxy's exit would not resolve the name.
         */
        public Builder anonymousServer(URI anonymousServer) {
            this.anonymousServer = Objects.requireNonNull(anonymousServer, "anonymousServer");
            return this;
        }

        /** The SOCKS5 proxy anonymous operations go through; {@link SocksProxy#TOR} by default. */
        public Builder proxy(SocksProxy proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /** The clock that dates signatures and checks certificates; the system's by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of keys, nonces and proxy credentials; a new {@link SecureRandom} by default. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The window a planned release's sending time is drawn from, uniformly, from the moment it is planned
         * ({@link TacitClient#release}): {@link MailboxClient#MAX_CLIENT_RELEASE_DELAY}, 12 hours, by default
         * (docs/protocol.md §4.19). A shorter window links a release more closely to the reply that usually
         * precedes it.
         */
        public Builder releaseWindow(Duration window) {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a release window is longer than zero");
            }
            this.releaseWindow = window;
            return this;
        }

        /**
         * What a planned release asks of the server once sent (§4.15): {@link MailboxClient.ReleaseTime#LATER} by
         * default, a further random delay on the server; {@link MailboxClient.ReleaseTime#NOW} releases at once.
         */
        public Builder releaseTime(MailboxClient.ReleaseTime time) {
            this.releaseTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * @throws IllegalStateException if no server was given and the state has none
         */
        public TacitClient build() {
            URI target = server != null ? server
                    : state.state().server().map(ServerRecord::uri).orElseThrow(() -> new IllegalStateException(
                            "no server: give its address, this state has not registered with one"));
            return new TacitClient(state, target, anonymousServer != null ? anonymousServer : target, proxy, clock,
                    random != null ? random : new SecureRandom(), releaseWindow, releaseTime);
        }
    }

    /**
     * Asks the server to text a verification code to {@code number} (docs/protocol.md §4.5), and keeps the send
     * in the state so that {@link #register} can confirm it, in this process or a later one. The state is bound
     * to the server's installation from here on.
     *
     * @throws IllegalStateException if this state has registered an account already (use {@link #reRegister()})
     */
    public SentCode requestCode(PhoneNumber number) throws TacitClientException {
        Optional<AccountRecord> account = state.state().account();
        if (account.isPresent()) {
            throw new IllegalStateException("this state is registered as " + account.get().number()
                    + " already; re-register it, or use another state directory for another number");
        }
        RegistrationClient registration = registration();
        ServerDescription server = checkedServer(registration);
        SentCode sent = registration.requestCode(number.e164());
        state.state().setServer(new ServerRecord(direct.server(), server.instanceId()));
        state.state().setPendingCode(sent);
        state.save();
        return sent;
    }

    /**
     * Confirms the texted {@code code} and registers the number with keys generated here (§4.6, §4.7): the
     * server's current CA is pinned, the certificate checked against it, and the keys, certificate and tokens
     * saved.
     *
     * @throws NoPendingCodeException      if no code was requested ({@link #requestCode})
     * @throws RegistrationLockedException if the number's account is in use elsewhere
     */
    public Registration register(String code) throws TacitClientException {
        SentCode sent = state.state().pendingCode()
                .orElseThrow(() -> new NoPendingCodeException("no verification code awaits confirmation: request one"));
        RegistrationClient registration = registration();
        VerificationToken verified = registration.confirm(sent, code);
        ServerDescription server = checkedServer(registration);
        CaCertificate current = registration.currentCaCertificate();
        PhoneNumber number = number(sent.number());
        AccountSetup setup = AccountSetup.generate(number, registration.currentIssuerKey(clock.instant()),
                server.firstContactChallenge(), random);
        RegisteredAccount registered = registration.register(verified, setup, new PinnedCaVerifier(current),
                clock.instant());
        ClientState records = state.state();
        records.setServer(new ServerRecord(direct.server(), server.instanceId()));
        records.setPinnedCas(pinned(current, registration.caCertificates(), records.pinnedCas()));
        records.setAccount(AccountRecord.of(registered));
        records.addTokens(TokenPurpose.FIRST_CONTACT, registered.tokens());
        records.setPendingCode(null);
        state.save();
        return new Registration(number, registered.tokens().size(), false);
    }

    /**
     * Moves the account to new keys with a registration signed by its current identity key (§4.7): no code is
     * needed and the registration lock does not apply. Tokens held stay valid. The account keeps its group: the
     * registration uploads the group public key it has, so the credentials contacts hold go on signing replies to
     * it, and blocked contacts stay blocked.
     *
     * @throws NotRegisteredException if this state holds no account
     */
    public Registration reRegister() throws TacitClientException {
        AccountRecord account = account();
        RegistrationClient registration = registration();
        ServerDescription server = checkedServer(registration);
        CaCertificate current = registration.currentCaCertificate();
        if (account.group().epoch() > 0) {
            // The server must hold the group key registered again, or the registration would replace the group.
            GroupKeyUploads.upload(accountClient(account), account.group());
        }
        AccountSetup setup = AccountSetup.generate(account.number(), registration.currentIssuerKey(clock.instant()),
                server.firstContactChallenge(), account.group(), random);
        RegisteredAccount registered = registration.reRegister(account.identity(), setup, new PinnedCaVerifier(current),
                clock, random);
        ClientState records = state.state();
        records.setPinnedCas(pinned(current, registration.caCertificates(), records.pinnedCas()));
        records.setAccount(AccountRecord.of(registered));
        records.addTokens(TokenPurpose.FIRST_CONTACT, registered.tokens());
        // The same group, so members go on being handed out where they were; a new pre-key, so first contacts made
        // against the old one no longer open.
        records.setAcceptedInitiations(new dev.tacit.crypto.message.AcceptedInitiations());
        state.save();
        return new Registration(account.number(), registered.tokens().size(), true);
    }

    /**
     * Blocks {@code contact} (docs/protocol.md §2.2.9, §4.29): revokes every member of the account's group handed to
     * them (the state records which), saves the new group manager key and the block, then uploads the group key
     * updates, signed, over the direct transport. From then on the server refuses their replies; the other contacts'
     * clients catch up by themselves when their next reply is refused (§4.30), with no message sent to them. First
     * contacts from {@code contact} are dropped unread by {@link #receive()}. Blocking again uploads what an earlier
     * block could not (the server unreachable, say) and revokes members handed to them since.
     *
     * @throws NotRegisteredException    if this state holds no account
     * @throws GroupKeyConflictException if the server holds a group key this client did not make
     */
    public Blocked block(PhoneNumber contact) throws TacitClientException {
        AccountRecord account = account();
        checkedServer(registration());
        ClientState records = state.state();
        GroupManagerKey group = account.group();
        List<Integer> revoked = new ArrayList<>(records.blocked(contact).map(BlockedContactRecord::revoked)
                .orElse(List.of()));
        int revokedNow = 0;
        for (int member : records.membersHandedTo(contact)) {
            if (!group.isRevoked(member)) {
                group = group.revoke(member).next();
                revoked.add(member);
                revokedNow++;
            }
        }
        records.setAccount(account.withRevocations(group));
        records.putBlocked(new BlockedContactRecord(contact, revoked));
        state.save(); // the new manager key before its updates leave: the server never holds a key this client lost
        int epoch = GroupKeyUploads.upload(accountClient(account), group);
        return new Blocked(contact, revokedNow, epoch);
    }

    /**
     * The account as the server holds it, in a signed request (§4.8), next to what this client holds.
     *
     * @throws NotRegisteredException if this state holds no account
     * @throws ServerChangedException if the server is another installation than the account's
     */
    public AccountStatus status() throws TacitClientException {
        AccountRecord account = account();
        checkedServer(registration());
        JsonObject held = new AccountClient(direct, account.number(), account.identity(), clock, random).describe();
        boolean keysMatch = Base64Url.encode(account.signedPreKey().toBytes()).equals(held.getString("preKey", ""))
                && Base64Url.encode(account.group().groupPublicKey().toBytes()).equals(held.getString("groupPublicKey", ""));
        return new AccountStatus(account.number(), ServerAnswers.instant(held, "registeredAt"),
                held.getInt("tokensIssued", 0), state.state().tokens(TokenPurpose.FIRST_CONTACT).size(), keysMatch);
    }

    /**
     * Checks that anonymous operations get through: reads the server's public description through the proxy, in
     * a session of its own, as every anonymous operation does.
     *
     * @throws ProxyUnreachableException  if the proxy cannot be reached or refuses the session: nothing was sent
     * @throws ServerUnreachableException if the proxy cannot reach the server
     */
    public void checkProxy() throws TacitClientException {
        try (AnonymousSession session = anonymous.open()) {
            session.getJson("/v1/server", "application/json");
        }
    }

    /**
     * Looks {@code numbers} up (docs/protocol.md §4.11): anonymously, through the proxy in a session of its own,
     * paying one discovery token per number. Tokens come from the current window's allowance, fetched over the
     * signed channel when too few are held (§4.10) and kept in the state, which saves a token's removal before
     * the look-up carrying it is sent. Key bundles come back verified against the CA pinned at the last
     * registration.
     *
     * @param numbers 1 to {@value DiscoveryClient#MAX_PER_REQUEST} distinct numbers
     * @return one result per number, in order
     * @throws DiscoveryAllowanceSpentException if this window's allowance is spent (with when the next starts)
     * @throws ProxyUnreachableException        if the proxy could not be reached: nothing was sent, no token spent
     * @throws UntrustedKeyBundleException      if the server answered with keys that do not check out
     * @throws NotRegisteredException           if this state holds no account
     */
    public List<ContactLookup> discover(List<PhoneNumber> numbers) throws TacitClientException {
        return discovery().lookUp(numbers);
    }

    /**
     * Fetches what is left of the current discovery window's allowance (§4.10), signed, over the direct
     * transport; tokens of a past window are dropped first. {@link #discover} does this by itself when it needs to.
     *
     * @return how many tokens were added
     * @throws NotRegisteredException if this state holds no account
     */
    public int refillDiscoveryTokens() throws TacitClientException {
        return discovery().refill();
    }

    /**
     * Proves to the server that this account holds {@code key}, the private key of {@code chain}'s leaf certificate
     * (docs/protocol.md §4.27): signs a fresh challenge of the server with it, signed request, direct. The server
     * validates the chain to its operator's trust anchors with the required policy (EV's by default); granted, the
     * account may then obtain first-contact tokens in bulk ({@link #fetchBulkSenderTokens}). What the server learns:
     * that this account is a bulk sender, through which certificate, and how many tokens it takes, never to whom
     * it writes.
     *
     * @param chain leaf first, then the intermediates (the root may follow)
     * @throws BulkSenderRefusedException naming why: {@code UNTRUSTED_CERTIFICATE}, {@code POLICY_MISSING},
     *                                    {@code CERTIFICATE_EXPIRED}, {@code CERTIFICATE_REVOKED},
     *                                    {@code CERTIFICATE_BARRED}, {@code INVALID_SIGNATURE}, {@code NOT_OFFERED}, ...
     * @throws IllegalArgumentException   if the key is not RSA (2048 bits or more), ECDSA P-256 or Ed25519
     * @throws NotRegisteredException     if this state holds no account
     */
    public BulkSenderGrant proveBulkSender(List<X509Certificate> chain, PrivateKey key) throws TacitClientException {
        checkedServer(registration());
        return bulkSender().prove(chain, key, random);
    }

    /**
     * Obtains up to {@code count} first-contact tokens from this account's bulk-sender allowance (§4.28), signed,
     * direct, in requests of up to {@value BulkSenderClient#MAX_PER_REQUEST}, and keeps them with the others in
     * the state (saved after each request). Fewer come back when the period's allowance runs out.
     *
     * @return how many tokens were added
     * @throws RateLimitedException       if the period's allowance was spent before any was added (with the time to
     *                                    wait)
     * @throws BulkSenderRefusedException {@code NO_GRANT}, {@code GRANT_REVOKED} or {@code GRANT_EXPIRED}
     * @throws NotRegisteredException     if this state holds no account
     */
    public int fetchBulkSenderTokens(int count) throws TacitClientException {
        if (count < 1) {
            throw new IllegalArgumentException("fetch at least one token");
        }
        RegistrationClient registration = registration();
        ServerDescription server = checkedServer(registration);
        BulkSenderClient bulk = bulkSender();
        TokenClient tokens = new TokenClient(registration.currentIssuerKey(clock.instant()), random);
        int added = 0;
        while (added < count) {
            int wanted = Math.min(BulkSenderClient.MAX_PER_REQUEST, count - added);
            List<PendingToken> pending = new ArrayList<>(wanted);
            for (int i = 0; i < wanted; i++) {
                pending.add(tokens.blind(server.firstContactChallenge()));
            }
            BulkSenderClient.ObtainedTokens obtained;
            try {
                obtained = bulk.obtain(pending);
            } catch (RateLimitedException e) {
                if (added == 0) {
                    throw e;
                }
                break;
            }
            state.state().addTokens(TokenPurpose.FIRST_CONTACT, obtained.tokens());
            state.save();
            added += obtained.tokens().size();
            if (obtained.tokens().size() < wanted) {
                break;
            }
        }
        return added;
    }

    /** The tokens this client holds, spent ones awaiting their return and pending releases; asks nothing of the server. */
    public TokenSummary tokens() {
        return TokenSummary.of(state.state());
    }

    /**
     * Sends {@code text} to {@code to}: a group-signed reply if {@code to} has handed over a member credential in
     * a conversation with this account ({@link #reply}), a first contact otherwise ({@link #startConversation}).
     */
    public SentMessage send(PhoneNumber to, String text) throws TacitClientException {
        return messaging().canReply(to) ? reply(to, text) : startConversation(to, text);
    }

    /**
     * Starts a conversation with {@code to} (docs/protocol.md §3.7, §4.12): their key bundle (looked up anonymously
     * with a discovery token, so that it has their current pre-key, and verified against the pinned CA), a first
     * contact sealed to it handing
     * over a member credential of this account's group for their replies, paid with a first-contact token, sent
     * anonymously through the proxy. The token leaves the unspent ones (saved) before the send, and is kept as
     * spent until it comes back ({@link #refreshTokens()}); if the send never left or got no answer, it is put back.
     *
     * @throws RecipientNotRegisteredException if {@code to} has no account: found by the look-up (no first-contact
     *                                         token spent), or by the server's refusal (the token is spent)
     * @throws OutOfTokensException            if no first-contact token is left; nothing is sent
     * @throws NoSuchContactException         if {@code to} is blocked ({@link #block}): a first contact would hand
     *                                         them a credential; nothing is sent
     * @throws ProxyUnreachableException       if the proxy could not be reached: nothing was sent, the token is kept
     * @throws NotRegisteredException          if this state holds no account
     */
    public SentMessage startConversation(PhoneNumber to, String text) throws TacitClientException {
        return messaging().firstContact(to, text);
    }

    /**
     * Replies to {@code to} in the conversation with them (§4.12): sealed with the conversation's ratchet, signed
     * with the member credential they handed over, sent anonymously through the proxy; no token. If the server
     * refuses the signature because {@code to}'s group key has moved on (they blocked someone, §4.29), the client
     * fetches the updates anonymously (§4.30), brings the credential up to date, saves it and sends once more.
     *
     * @throws NoSuchContactException    if there is no conversation with {@code to}, or they have not handed over
     *                                   a credential yet (they have not written back)
     * @throws BlockedByContactException if {@code to} has blocked this account: the credential is dropped
     * @throws CredentialNotAcceptedException if {@code to}'s group no longer accepts the credential (replaced)
     * @throws ProxyUnreachableException if the proxy could not be reached: nothing was sent
     */
    public SentMessage reply(PhoneNumber to, String text) throws TacitClientException {
        return messaging().reply(to, text);
    }

    /**
     * Reads the mailbox (§4.13) over the signed channel, opens each message against the pinned CA into its
     * conversation (a first contact starts one, handing over a credential of this account's group with the first
     * reply), saves the conversations, and only then acknowledges the messages (§4.14). A message that does not
     * check out is acknowledged and counted as dropped. A received first contact's token is held until
     * {@link #release released} or {@link #reportSpam reported}.
     */
    public Inbox receive() throws TacitClientException {
        return messaging().receive();
    }

    /**
     * Follows the mailbox live (§4.20): opens its wake-up stream over the signed channel and, on each new message,
     * {@link #receive() receives} as above, in {@link InboxFollower#next}. Close the follower when done; the
     * client stays open.
     *
     * @throws NotRegisteredException if this state holds no account
     */
    public InboxFollower follow() throws TacitClientException {
        AccountRecord account = account();
        MailboxClient mailbox = new MailboxClient(direct, account.number(), account.identity(), clock, random);
        return new InboxFollower(mailbox.events(Optional.empty()), this::receive);
    }

    /**
     * Plans the release of the token of {@code from}'s first contact, which was welcome: the release request is
     * to be sent at a random time within the {@link Builder#releaseWindow release window} from now, unrelated to
     * this account's other traffic (§4.19), by {@link #sendDueReleases()} (which {@code tacit inbox} and
     * {@code tacit release} call). Planning again keeps the time drawn first.
     *
     * @throws NoSuchContactException if no first contact from {@code from} awaits a decision
     */
    public Release release(PhoneNumber from) throws TacitClientException {
        return messaging().release(from, false);
    }

    /**
     * Releases the token of {@code from}'s first contact at once ({@code at: now}, §4.15): quicker for its sender,
     * but the server sees the release right now, close to whatever else this account does now.
     *
     * @throws NoSuchContactException if no first contact from {@code from} awaits a decision
     */
    public Release releaseNow(PhoneNumber from) throws TacitClientException {
        return messaging().release(from, true);
    }

    /** Sends the planned releases whose time has come, signed (§4.15); returns them. */
    public List<Release> sendDueReleases() throws TacitClientException {
        return messaging().sendDueReleases();
    }

    /**
     * Reports {@code from}'s first contact as spam (§4.16): its token is burned, and the conversation and contact
     * are forgotten.
     *
     * @throws NoSuchContactException if no first contact from {@code from} awaits a decision
     */
    public void reportSpam(PhoneNumber from) throws TacitClientException {
        if (state.state().heldTokens().stream().noneMatch(held -> held.sender().equals(from))) {
            throw new NoSuchContactException("no first contact from " + from.e164() + " awaits a release or a spam report");
        }
        messaging().reportSpam(from);
    }

    /**
     * Asks what became of each spent first-contact token (§4.17), each anonymously in a session of its own, and
     * exchanges the released ones for new tokens (§4.18); tokens burned or exchanged before are dropped.
     */
    public TokenRefresh refreshTokens() throws TacitClientException {
        return messaging().refreshTokens();
    }

    /**
     * Redeems reputation stamps for one first-contact token now (§4.24), signed, over the direct transport: the
     * stamps a token costs ({@code GET /v1/server}'s {@code reputationStampsPerToken}) leave the state, saved, before
     * the request. Redeeming right after the refreshes that earned the stamps lets the server link the two by time
     * (§4.25): {@link #refreshTokens()} plans a redemption at a random later time instead, which
     * {@link #redeemDueStamps()} sends.
     *
     * @throws dev.tacit.client.reputation.NotEnoughStampsException      if fewer stamps are held; nothing is sent
     * @throws dev.tacit.client.reputation.ReputationCapReachedException if this period's grants are used up (with
     *                                                                    when the next period starts); the stamps stay
     * @throws dev.tacit.client.reputation.StampSpentException           if a stamp was spent before: it is dropped,
     *                                                                    the others stay
     * @throws NotRegisteredException                                     if this state holds no account
     */
    public StampRedemption redeemStamps() throws TacitClientException {
        return reputation().redeem();
    }

    /**
     * Redeems stamps as {@link #redeemStamps()} does if the redemption {@link #refreshTokens()} planned is due;
     * empty if none is. {@code tacit tokens} calls it.
     */
    public Optional<StampRedemption> redeemDueStamps() throws TacitClientException {
        Optional<java.time.Instant> due = state.state().plannedRedemption();
        if (due.isEmpty() || due.get().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(reputation().redeem());
    }

    /**
     * Rotates the account's ratchet pre-key (§4.9, signed, direct): a new key pair is saved, then published; first
     * contacts still in the mailbox that were made against the old pre-key no longer open, so read the mailbox
     * first. Conversations under way continue.
     */
    public void rotateKeys() throws TacitClientException {
        checkedServer(registration());
        messaging().rotateKeys();
    }

    /** The registered number, if this state has registered. */
    public Optional<PhoneNumber> number() {
        return state.state().account().map(AccountRecord::number);
    }

    /** The transport for registration and signed requests. */
    public DirectTransport direct() {
        return direct;
    }

    /** The transport for anonymous operations: open one session per operation. */
    public AnonymousTransport anonymous() {
        return anonymous;
    }

    /** The state directory this client reads and saves. */
    public StateDirectory state() {
        return state;
    }

    /**
     * Signs account-scoped requests with the account's identity key (§5).
     *
     * @throws NotRegisteredException if this state holds no account
     */
    public RequestSigner accountSigner() throws NotRegisteredException {
        AccountRecord account = account();
        return new RequestSigner(AccountRequestKeys.signingKey(account.number(), account.identity()), clock, random);
    }

    /**
     * Verifiers for the CA certificates pinned at registration, the one current at the last registration last:
     * an identity certificate must chain to one.
     */
    public List<PinnedCaVerifier> pinnedCas() {
        return state.state().pinnedCas().stream().map(PinnedCaVerifier::new).toList();
    }

    /** The clock that dates this client's signatures and checks certificates. */
    public Clock clock() {
        return clock;
    }

    /** The source of this client's keys, nonces and proxy credentials. */
    public SecureRandom random() {
        return random;
    }

    /** Closes the connections; the state directory stays open. */
    @Override
    public void close() {
        direct.close();
    }

    private Messaging messaging() throws TacitClientException {
        account();
        return new Messaging(state, direct, anonymous, pinnedCas(),
                number -> discovery().lookUp(List.of(number)).get(0), clock, random, releaseWindow, releaseTime);
    }

    private Reputation reputation() throws TacitClientException {
        RequestSigner signer = accountSigner();
        checkedServer(registration());
        return new Reputation(state, direct, signer, clock, random, releaseWindow);
    }

    private DiscoveryClient discovery() throws TacitClientException {
        RequestSigner signer = accountSigner();
        RegistrationClient registration = registration();
        checkedServer(registration);
        List<CaCertificate> pinned = state.state().pinnedCas();
        // The last pinned CA is the one current at the last registration: it certifies today's accounts.
        PinnedCaVerifier ca = new PinnedCaVerifier(pinned.get(pinned.size() - 1));
        return new DiscoveryClient(new DiscoveryApi(direct, anonymous, ca, clock), registration, signer,
                new SavedDiscoveryWallet(state), clock, random);
    }

    private AccountClient accountClient(AccountRecord account) {
        return new AccountClient(direct, account.number(), account.identity(), clock, random);
    }

    private BulkSenderClient bulkSender() throws NotRegisteredException {
        return new BulkSenderClient(direct, accountSigner(), account().number());
    }

    private RegistrationClient registration() {
        return new RegistrationClient(direct);
    }

    private AccountRecord account() throws NotRegisteredException {
        return state.state().account().orElseThrow(
                () -> new NotRegisteredException("this state holds no account: register first"));
    }

    /** The server's description, refused if it is another installation than the one the state registered with. */
    private ServerDescription checkedServer(RegistrationClient registration) throws TacitClientException {
        ServerDescription server = registration.server();
        Optional<ServerRecord> known = state.state().server();
        if (known.isPresent() && !known.get().instanceId().equals(server.instanceId())) {
            throw new ServerChangedException(known.get().instanceId(), server.instanceId());
        }
        return server;
    }

    /** Those pinned before, those the server lists, once each, and the current CA last. */
    private static List<CaCertificate> pinned(CaCertificate current, List<CaCertificate> listed,
                                              List<CaCertificate> before) {
        List<CaCertificate> all = new ArrayList<>();
        for (CaCertificate ca : concat(before, listed)) {
            if (!Arrays.equals(current.toBytes(), ca.toBytes())
                    && all.stream().noneMatch(known -> Arrays.equals(known.toBytes(), ca.toBytes()))) {
                all.add(ca);
            }
        }
        all.add(current);
        return all;
    }

    @SafeVarargs
    private static List<CaCertificate> concat(List<CaCertificate>... lists) {
        List<CaCertificate> all = new ArrayList<>();
        for (List<CaCertificate> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static PhoneNumber number(String e164) throws ServerUnreachableException {
        try {
            return PhoneNumber.of(e164);
        } catch (dev.tacit.crypto.MalformedEncodingException e) {
            throw new ServerUnreachableException("the pending code's number is not E.164", e);
        }
    }

    @Override
    public String toString() {
        return "TacitClient[" + direct.server() + ", " + number().map(PhoneNumber::e164).orElse("not registered") + "]";
    }
}
