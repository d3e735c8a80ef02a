/**
 * The caller principal of a request authenticated by a token:
 * {@link io.sigil.auth.principal.SigilJsonWebToken}, a MicroProfile {@code JsonWebToken} over
 * the verified claims.
 */
package io.sigil.auth.principal;
