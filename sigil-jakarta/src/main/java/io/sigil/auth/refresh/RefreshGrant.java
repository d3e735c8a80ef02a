package io.sigil.auth.refresh;

import io.sigil.auth.token.IssuedToken;

/** What a refresh request came to: a new pair, or a refusal ({@code invalid_grant}). Immutable. */
public sealed interface RefreshGrant {

    /** The reason of a refusal because the token was used before (its family is revoked). */
    String REUSED = "reused";

    /**
     * A new pair.
     *
     * @param caller       the caller name
     * @param access       the new access token
     * @param refreshToken the new refresh token; the presented one is used up
     */
    record Granted(String caller, IssuedToken access, String refreshToken) implements RefreshGrant {

        @Override
        public String toString() {
            return "Granted[caller=" + caller + ", access=" + access + "]";
        }
    }

    /**
     * A refusal; the client must log in again.
     *
     * @param reason for the log only, never for the client: malformed, unknown, expired, revoked, reused
     */
    record Refused(String reason) implements RefreshGrant {
    }
}
