/**
 * How the client reaches a Tacit server, chosen per operation and never mixed: a
 * {@link dev.tacit.client.transport.DirectTransport} for registration and signed account requests, and an
 * {@link dev.tacit.client.transport.AnonymousTransport} through a SOCKS5 proxy (Tor) for the operations the
 * server must not link to an account, each in an {@link dev.tacit.client.transport.AnonymousSession} of its
 * own. API calls take the type their operation needs, so an anonymous call cannot be given the direct
 * transport.
 */
package dev.tacit.client.transport;
