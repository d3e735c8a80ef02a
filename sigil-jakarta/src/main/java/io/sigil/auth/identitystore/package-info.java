/**
 * Sigil's Jakarta Security identity stores: they do the validation the mechanism asks for.
 *
 * <p>Where to start reading: {@link io.sigil.auth.identitystore.TokenIdentityStore#validate}
 * verifies a {@link io.sigil.auth.identitystore.TokenCredential} with the token core's
 * {@code TokenVerifier} (the signature is checked there, before any claim), then the required
 * claims, then revocation. {@link io.sigil.auth.identitystore.UserAccountIdentityStore} is the
 * opt-in JDBC user store (on only with {@code sigil.datasource}), and
 * {@link io.sigil.auth.identitystore.PasswordChangeService} changes a password there and revokes
 * the caller's tokens.
 */
package io.sigil.auth.identitystore;
