package dev.tacit.crypto.token;

/**
 * What a Tacit token may be spent on, named in the challenge's origin_info so that a token fetched for one
 * purpose cannot be redeemed for another (docs/protocol.md §2.1).
 */
public enum TokenPurpose {

    /** Sending a first message to someone who has not replied yet (the proposal's "cold calling" tokens). */
    FIRST_CONTACT("first-contact"),
    /** Looking up contacts, rate-limited per time window. */
    DISCOVERY("discovery"),
    /** A reputation stamp, earned by a released first contact and redeemed for a first-contact token (§4.24). */
    REPUTATION("reputation");

    private final String originName;

    TokenPurpose(String originName) {
        this.originName = originName;
    }

    /** The single origin name put in origin_info for this purpose. */
    public String originName() {
        return originName;
    }
}
