package io.sigil.auth.token.internal;

import io.sigil.auth.token.JwsAlgorithm;

/**
 * A protected header that passed the header check. Immutable.
 *
 * @param encoded   the header as it appears in the token (base64url)
 * @param algorithm its {@code alg}
 * @param keyId     its {@code kid}, or {@code null}
 */
public record CheckedHeader(String encoded, JwsAlgorithm algorithm, String keyId) {
}
