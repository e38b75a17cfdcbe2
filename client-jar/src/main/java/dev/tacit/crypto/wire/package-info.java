/** Strict big-endian readers and writers shared by the end-to-end encryption wire formats. */
package dev.tacit.crypto.wire;
