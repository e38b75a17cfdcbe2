package dev.tacit.server.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.tacit.http.PublicOrigin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * Every {@code tacit.*} setting, typed, with its default: the one place the application reads configuration
 * from. MicroProfile Config supplies the values (system properties, or environment variables in upper case
 * with {@code _} for {@code .} and {@code -}, such as {@code TACIT_VERIFICATION_CODE_VALIDITY}).
 *
 * <p>The deployment fails when a value does not convert or breaks its bound, with a message naming the
 * setting, and so does a {@code tacit.*} property that names no setting here (a misspelt one);
 * {@link SettingsRules} adds the checks that involve more than one setting. README.md's settings tables list
 * exactly these settings with these defaults (ReadmeSettingsTest). The {@code tacit.db.*} group is read by
 * the datasource through WildFly expressions (configure-tacit.cli) and by the local launcher; it is mapped
 * here so that its values are checked and documented with the rest.
 */
@ConfigMapping(prefix = "tacit")
public interface TacitSettings {

    /**
     * How the server runs: {@code production}, the default for a deployed EAR, refuses to start with settings
     * only safe on a developer's machine ({@link ProductionSafety}); {@code development}, which the local run
     * ({@code mvn -Prun package}) sets, allows them and says so in the log.
     */
    @WithDefault("production")
    Mode mode();

    /**
     * Scheme, host and port clients use to reach this server: its authority is what they sign as
     * {@code @authority} (§5.1) and the token issuer_name (§2.1.3); GET /v1/server publishes both (§4.2).
     */
    @WithDefault("http://localhost:8080")
    @WithConverter(SettingConverters.Origin.class)
    PublicOrigin publicOrigin();

    SignedRequests signedRequests();

    Verification verification();

    Registration registration();

    Sms sms();

    Keystore keystore();

    Tokens tokens();

    Messages messages();

    Ca ca();

    IdentityCertificate identityCertificate();

    Discovery discovery();

    Reputation reputation();

    Db db();

    GroupVerifiers groupVerifiers();

    Groups groups();

    Streams streams();

    Push push();

    Jobs jobs();

    BulkSenders bulkSenders();

    enum Mode {
        PRODUCTION,
        DEVELOPMENT
    }

    /**
     * The per-account limit on signed requests (protocol §5.3 step 9), counted in fixed windows from the Unix
     * epoch; a request over it is answered 429 with a Retry-After.
     */
    interface SignedRequests {

        /** Authenticated requests one account may make per period. */
        @WithDefault("300")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int perAccount();

        /** The fixed window the limit counts in. */
        @WithDefault("PT1M")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration period();
    }

    /** Phone verification (protocol §4.5, §4.6). Durations are whole seconds, as the send proofs carry them. */
    interface Verification {

        /** How long a send proof, and the code texted with it, are accepted after the send. */
        @WithDefault("PT10M")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration codeValidity();

        /** How long a verification token stays valid after it is issued. */
        @WithDefault("PT15M")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration tokenValidity();

        /** The fixed window that the per-number, per-prefix and overall send limits count in. */
        @WithDefault("PT1H")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration sendPeriod();

        /** Texts to one number per send period. */
        @WithDefault("3")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int sendsPerNumber();

        /** Texts to one number per UTC day (fixed one-day windows from the epoch). */
        @WithDefault("6")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int sendsPerNumberPerDay();

        /** Texts to the numbers of one prefix per send period. */
        @WithDefault("200")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int sendsPerPrefix();

        /** Texts to all numbers together per send period. */
        @WithDefault("1000")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int sendsOverall();

        /** Wrong codes accepted for checking per send, i.e. per send proof. */
        @WithDefault("3")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int wrongCodesPerSend();
    }

    /** Registration (protocol §4.7). */
    interface Registration {

        /**
         * How long after its last recorded activity an account stays locked against re-registration without
         * its identity key.
         */
        @WithDefault("P7D")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration lockPeriod();
    }

    /** Which SMS gateway texts the verification codes, and how. */
    interface Sms {

        @WithDefault("development")
        Gateway gateway();

        Development development();

        Twilio twilio();

        /** How long to wait for the provider, connecting and answering each. */
        @WithDefault("PT10S")
        @WithConverter(SettingConverters.Positive.class)
        Duration timeout();

        enum Gateway {
            /** Nothing is sent: each number's latest message goes to a file in the outbox (local runs only). */
            DEVELOPMENT,
            /** Twilio's Messages API. */
            TWILIO
        }

        interface Development {

            /** Where messages go; by default {@code tacit/sms-outbox} under the server's data directory. */
            Optional<Path> outbox();
        }

        /** Required when the gateway is {@code twilio}, except the base URL. */
        interface Twilio {

            @WithDefault("https://api.twilio.com")
            @WithConverter(SettingConverters.HttpUrl.class)
            URI baseUrl();

            Optional<String> accountSid();

            Optional<String> authToken();

            /** The sending number (E.164) or messaging service. */
            Optional<String> from();
        }
    }

    /** The PKCS#12 keystore holding the key-encryption key; without a path, a development keystore. */
    interface Keystore {

        Optional<Path> path();

        /** Required with a path. */
        Optional<String> password();

        @WithDefault("tacit-kek")
        String alias();
    }

    /** Token-issuer keys (protocol §4.3). */
    interface Tokens {

        /** How long each key blind-signs. */
        @WithDefault("P180D")
        @WithConverter(SettingConverters.Positive.class)
        Duration signingPeriod();

        /** How long, from when it starts signing, a key's tokens are accepted. */
        @WithDefault("P730D")
        @WithConverter(SettingConverters.Positive.class)
        Duration verificationPeriod();
    }

    /** Messaging (protocol §4.12–§4.18): mailbox retention, release delays, reply freshness. */
    interface Messages {

        /** How long an unacknowledged message stays in its mailbox before it expires. */
        @WithDefault("P30D")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration retention();

        /** The earliest a release "later" takes effect after the request. */
        @WithDefault("PT1H")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration releaseDelayMin();

        /** The latest a release "later" takes effect after the request. */
        @WithDefault("PT24H")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration releaseDelayMax();

        /** How far a reply's signed timestamp may be from the server's clock, either way. */
        @WithDefault("PT5M")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration replyFreshness();
    }

    /** The certificate authority (protocol §3.2). */
    interface Ca {

        /** How long each CA key issues identity certificates. */
        @WithDefault("P365D")
        @WithConverter(SettingConverters.Positive.class)
        Duration signingPeriod();
    }

    interface IdentityCertificate {

        /** How long an identity certificate is valid. */
        @WithDefault("P730D")
        @WithConverter(SettingConverters.Positive.class)
        Duration validity();
    }

    /** Contact discovery (protocol §2.1.3, §4.10, §4.11): a key and an allowance of tokens per window. */
    interface Discovery {

        /**
         * How long a discovery window lasts, whole seconds from one hour to seven days; windows start at
         * multiples of it since the Unix epoch.
         */
        @WithDefault("PT24H")
        @WithConverter(SettingConverters.DiscoveryWindow.class)
        Duration window();

        /** Discovery tokens, so look-ups of one number each, an account may obtain per window. */
        @WithDefault("100")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int tokensPerWindow();
    }

    /**
     * Reputation (protocol §4.18, §4.24): stamps earned by released first contacts, redeemed for first-contact
     * tokens beyond the registration's five, a bounded number per period.
     */
    interface Reputation {

        /** Unspent stamps one redemption presents for one first-contact token, from 1 to 100. */
        @WithDefault("3")
        @WithConverter(SettingConverters.OneToHundred.class)
        int stampsPerToken();

        /** First-contact tokens an account may obtain by redeeming stamps per period. */
        @WithDefault("5")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int tokensPerPeriod();

        /** The fixed window the redemptions are counted in, whole seconds; windows start at multiples of it since the epoch. */
        @WithDefault("P30D")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration period();
    }

    /**
     * Verification of group-signed replies (protocol §2.2.6): a group is verified without per-group tables
     * until it has received this many valid replies within one period, and only then gets fixed-base tables,
     * which cost about as much to build as fifteen verifications and save a fifth to a quarter of each later
     * one (benchmarks/README.md).
     */
    interface GroupVerifiers {

        /** Groups that keep fixed-base tables at the same time, at most; about 1 MB of heap each. */
        @WithDefault("32")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int withTables();

        /** Valid replies to one group within one promotion period after which its tables are built. */
        @WithDefault("64")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int promotionReplies();

        /** The fixed window the promotion replies are counted in. */
        @WithDefault("PT1H")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration promotionPeriod();
    }

    /** The chains of accounts' group keys (protocol §4.29): how long one account's chain of updates may grow. */
    interface Groups {

        /**
         * Updates (blocked members) one chain holds at most: each is 177 bytes stored and one step of a contact's
         * catch-up; past it the account replaces its group.
         */
        @WithDefault("1000")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int maxUpdates();
    }

    /** The mailbox wake-up streams (protocol §4.20): keep-alives and bounds on open streams, per server node. */
    interface Streams {

        /** How often an open stream carries a comment line when nothing else was sent, so proxies keep it open. */
        @WithDefault("PT25S")
        @WithConverter(SettingConverters.Positive.class)
        Duration keepAlive();

        /** Streams one account may hold open on one server node at the same time. */
        @WithDefault("4")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int perAccount();

        /** Streams one server node holds open at the same time, all accounts together. */
        @WithDefault("10000")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int overall();
    }

    /** Web Push wake-ups (protocol §4.21–§4.23): subscriptions per account, and how pushes are sent. */
    interface Push {

        /** Push subscriptions one account may hold. */
        @WithDefault("5")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int perAccount();

        /** How long to wait for a push service, connecting and answering each. */
        @WithDefault("PT10S")
        @WithConverter(SettingConverters.Positive.class)
        Duration timeout();

        /** Pushes waiting to be sent at most; one more is dropped (and counted), never the send that caused it. */
        @WithDefault("1000")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int queue();
    }

    /**
     * How often each batch job (batch module, README "Batch jobs") is started on this node, counted from the
     * deployment's start. Every node starts it on its own schedule; executions at once share the rows.
     */
    interface Jobs {

        ProcessDelayedReleases processDelayedReleases();

        ExpireDiscoveryTokens expireDiscoveryTokens();

        PurgeExpiredRecords purgeExpiredRecords();

        interface ProcessDelayedReleases {

            /** Time between two starts of process-delayed-releases: a release is executed at most this late. */
            @WithDefault("PT5M")
            @WithConverter(SettingConverters.WholeSeconds.class)
            Duration interval();
        }

        interface ExpireDiscoveryTokens {

            /** Time between two starts of expire-discovery-tokens. */
            @WithDefault("PT1H")
            @WithConverter(SettingConverters.WholeSeconds.class)
            Duration interval();
        }

        interface PurgeExpiredRecords {

            /** Time between two starts of purge-expired-records. */
            @WithDefault("PT10M")
            @WithConverter(SettingConverters.WholeSeconds.class)
            Duration interval();
        }
    }

    /**
     * Bulk senders (protocol §4.26–§4.28): an account that proves it holds the key of a certificate chaining to
     * one of the operator's trust anchors, with the required policy, obtains first-contact tokens from a larger
     * allowance. Off while no trust anchors are configured.
     */
    interface BulkSenders {

        /**
         * A PEM file of the operator's trust anchors (root certificates), read at each proof, so a changed file
         * applies at once; none, a missing file or one without certificates turns the feature off.
         */
        Optional<Path> trustAnchors();

        /** The certificate policy every certificate of the chain must carry (or anyPolicy), by default EV's. */
        @WithDefault("2.23.140.1.1")
        @WithConverter(SettingConverters.ObjectIdentifier.class)
        String policy();

        /** How a chain's revocation is checked: {@code off}, {@code crl} (distribution points) or {@code ocsp}. */
        @WithDefault("crl")
        Revocation revocation();

        /** First-contact tokens one bulk sender may obtain per period. */
        @WithDefault("1000")
        @WithConverter(SettingConverters.AtLeastOne.class)
        int tokensPerPeriod();

        /** The fixed window, counted from the Unix epoch, the allowance counts in. */
        @WithDefault("P30D")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration period();

        /** How long a challenge may be answered after it is issued. */
        @WithDefault("PT5M")
        @WithConverter(SettingConverters.WholeSeconds.class)
        Duration challengeValidity();

        enum Revocation {
            /** No revocation check: only for a trust anchor that revokes nothing. */
            OFF,
            /** Every certificate's CRL, fetched over HTTP from its CRL distribution point at each proof. */
            CRL,
            /** OCSP, through each certificate's authority information access, by the Java platform. */
            OCSP
        }
    }

    /** The PostgreSQL database, read by the datasource TacitDS (configure-tacit.cli) and the local launcher. */
    interface Db {

        /** The default password, which production mode refuses. */
        String DEFAULT_PASSWORD = "tacit";

        @WithDefault("localhost")
        String host();

        @WithDefault("5432")
        @WithConverter(SettingConverters.Port.class)
        int port();

        @WithDefault("tacit")
        String name();

        @WithDefault("tacit")
        String user();

        @WithDefault(DEFAULT_PASSWORD)
        String password();

        Pool pool();

        interface Pool {

            /** Connections in the pool at most. */
            @WithDefault("20")
            @WithConverter(SettingConverters.AtLeastOne.class)
            int max();
        }
    }
}
