/**
 * Refresh tokens (RFC 6749 §6) with the rotation and reuse detection of RFC 9700 §4.14: each use
 * returns a new pair, and a token used twice ends its whole family on every node. Start with
 * {@link io.sigil.auth.refresh.RefreshFamilies}; one family's state is
 * {@link io.sigil.auth.refresh.RefreshFamily}, kept in the cluster's revocation map under a hash
 * of the current token, never the token itself.
 */
package io.sigil.auth.refresh;
