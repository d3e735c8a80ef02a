/**
 * Not API: the helpers of the token core, public only so that {@code io.sigil.auth.token} (and
 * other packages of the core) can call them. They may change in any release; applications and
 * the Jakarta layer use {@code io.sigil.auth.token} instead.
 *
 * <p>What is here: strict base64url ({@link io.sigil.auth.token.internal.Base64Url}) and strict
 * JSON ({@link io.sigil.auth.token.internal.StrictJson}); the claim checks
 * ({@link io.sigil.auth.token.internal.ClaimChecks}); ECDSA signature encoding and range
 * checks ({@link io.sigil.auth.token.internal.EcdsaSignatures},
 * {@link io.sigil.auth.token.internal.EcPoints}); JWK member reading
 * ({@link io.sigil.auth.token.internal.JwkMembers}); the key-against-algorithm checks
 * ({@link io.sigil.auth.token.internal.KeyChecks}); signature engines
 * ({@link io.sigil.auth.token.internal.Signatures}); and bounded reading of a key location
 * ({@link io.sigil.auth.token.internal.KeyLocation}).
 */
package io.sigil.auth.token.internal;
