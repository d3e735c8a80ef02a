package io.sigil.auth.config;

import java.time.Duration;

/**
 * The key ring's state at one moment, for metrics and health checks. Immutable.
 *
 * @param signingKeyUsable   whether the current signing key signed a test input just now
 * @param verificationKeys   how many keys may verify a presented token now (the signing key's
 *                           included; a remote JWK Set's keys as last fetched)
 * @param reloads            key files read again with new content that was taken, since deployment
 * @param failedReloads      key files found changed whose content could not be read or was refused
 *                           (the last good keys stayed in use), since deployment
 * @param sinceLastRead      time since the key files were last read with success (since deployment
 *                           when none changed)
 */
public record KeyRingState(boolean signingKeyUsable, int verificationKeys, long reloads, long failedReloads,
                           Duration sinceLastRead) {

    /** Checks that the numbers are not negative. */
    public KeyRingState {
        if (verificationKeys < 0 || reloads < 0 || failedReloads < 0 || sinceLastRead.isNegative()) {
            throw new IllegalArgumentException("negative key ring state");
        }
    }
}
