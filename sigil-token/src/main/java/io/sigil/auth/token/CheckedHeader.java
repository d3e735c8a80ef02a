package io.sigil.auth.token;

/**
 * A protected header that passed the header check. Immutable.
 *
 * @param encoded   the header as it appears in the token (base64url)
 * @param algorithm its {@code alg}
 * @param keyId     its {@code kid}, or {@code null}
 */
record CheckedHeader(String encoded, JwsAlgorithm algorithm, String keyId) {
}
