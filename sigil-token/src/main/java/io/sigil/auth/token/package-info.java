/**
 * Sigil's token core, its public API: signed JWTs (JWS compact form), keys, key rings and claims,
 * on the JDK's crypto and JSON-P alone (no CDI, Servlet or MicroProfile type; a unit test reads
 * the compiled classes to keep it so).
 *
 * <p>Where to start reading:
 * <ul>
 * <li>Verifying: {@link io.sigil.auth.token.TokenVerifier#verify} checks the form, then the
 * protected header, then finds the key by {@code kid} through a
 * {@link io.sigil.auth.token.KeyResolver} ({@link io.sigil.auth.token.KeyRing},
 * {@link io.sigil.auth.token.RemoteJwkSet}); the signature is checked there, over the raw
 * signing input, by the key ({@link io.sigil.auth.token.VerificationKey#verify}), and only then
 * are the claims parsed and checked against a {@link io.sigil.auth.token.TokenPolicy}. The result
 * is a {@link io.sigil.auth.token.VerifiedToken} with its {@link io.sigil.auth.token.JwtClaims};
 * a refusal is an {@link io.sigil.auth.token.InvalidTokenException} with a short reason.</li>
 * <li>Issuing: {@link io.sigil.auth.token.TokenIssuer} signs with a
 * {@link io.sigil.auth.token.SigningKey} and returns an {@link io.sigil.auth.token.IssuedToken}.</li>
 * <li>Keys: every key is bound to one {@link io.sigil.auth.token.JwsAlgorithm}. They are made by
 * the factories of {@link io.sigil.auth.token.SigningKey} and
 * {@link io.sigil.auth.token.VerificationKey}, or read from text by
 * {@link io.sigil.auth.token.KeyMaterial} (JWK, JWK Set or PEM), {@link io.sigil.auth.token.Jwk}
 * and {@link io.sigil.auth.token.PemKeys}; {@link io.sigil.auth.token.JwkThumbprint} gives a
 * public key's RFC 7638 thumbprint. Key material that cannot be used is refused with an
 * {@link io.sigil.auth.token.InvalidKeyMaterialException} carrying a reason; the caller that
 * read the keys (Sigil's configuration layer, say) names where they came from.</li>
 * </ul>
 *
 * <p>The helpers behind these types live in {@code io.sigil.auth.token.internal}, which is not
 * API.
 */
package io.sigil.auth.token;
