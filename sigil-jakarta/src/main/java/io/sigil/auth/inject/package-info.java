/**
 * MicroProfile JWT 2.1 injection: {@code @Inject JsonWebToken} ({@link io.sigil.auth.inject.JsonWebTokenProducer})
 * and {@code @Inject @Claim(...)} of raw types, {@code Optional}, {@code ClaimValue} and the JSON-P types
 * ({@link io.sigil.auth.inject.ClaimProducers}, conversions in {@link io.sigil.auth.inject.ClaimConversions}).
 * These beans join an application only when Sigil is turned on for it (see
 * {@link io.sigil.auth.config.SigilExtension}). Start reading at {@code JsonWebTokenProducer}: the token
 * comes from the request the mechanism authenticated.
 */
package io.sigil.auth.inject;
