package io.sigil.auth.inject;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token injected when the current request carries none (MicroProfile JWT 2.1, section 7.1):
 * no name, no claim names, no claims. Immutable and thread-safe; one instance.
 */
final class EmptyJsonWebToken implements JsonWebToken {

    /** The one instance. */
    static final EmptyJsonWebToken INSTANCE = new EmptyJsonWebToken();

    private EmptyJsonWebToken() {
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        return null;
    }

    @Override
    public <T> T getClaim(String claimName) {
        return null;
    }

    @Override
    public String toString() {
        return "EmptyJsonWebToken";
    }
}
