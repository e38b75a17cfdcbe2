/**
 * Conversation contents carried in sealed envelopes: the first contact (ratchet initiation, the sender's BBS member
 * credential, the first text) and follow-ups (ratchet messages, the replier's credential the first time).
 */
package dev.tacit.crypto.message;
