package dev.tacit.client;

/**
 * What a check of the spent first-contact tokens found (docs/protocol.md §4.17, §4.18).
 *
 * @param checked   spent tokens whose state was asked, each anonymously in a session of its own
 * @param refreshed released tokens exchanged for new, unspent ones
 * @param gone      tokens that will not come back (burned by a spam report, or exchanged before) and were dropped
 * @param waiting   tokens still attached to, or being released by, their recipient
 * @param stamps    reputation stamps earned with the refreshed tokens, one each (§4.18)
 */
public record TokenRefresh(int checked, int refreshed, int gone, int waiting, int stamps) {
}
