package io.sigil.auth.principal;

import io.sigil.auth.token.JwtClaims;
import io.sigil.auth.token.VerifiedToken;
import jakarta.json.JsonNumber;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller principal of a request authenticated by a verified token. Claims follow the
 * MicroProfile JWT types: dates as {@code Long}, {@code groups} and {@code aud} as
 * {@code Set<String>}, other strings as {@code String}, anything else as its {@link JsonValue}.
 * Extends {@link CallerPrincipal} so that Jakarta Security accepts it as the caller. Immutable and
 * thread-safe; not meant to be serialized (a session keeps its own record of the caller).
 */
public final class SigilJsonWebToken extends CallerPrincipal implements JsonWebToken {

    private static final long serialVersionUID = 1L;

    private final transient VerifiedToken token;

    /** @param token a token that passed verification */
    public SigilJsonWebToken(VerifiedToken token) {
        super(token.claims().name());
        this.token = token;
    }

    @Override
    public String getName() {
        return token.claims().name();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(token.claims().json().keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        JwtClaims claims = token.claims();
        Claims standard = standardClaim(claimName);
        if (standard == Claims.raw_token) {
            return (T) token.compact();
        }
        if (standard == Claims.groups) {
            return (T) claims.groups();
        }
        if (standard == Claims.aud) {
            return claims.json().containsKey("aud") ? (T) claims.audience() : null;
        }
        JsonValue value = claims.json().get(claimName);
        if (value == null) {
            return null;
        }
        if (standard != null && standard.getType() == Long.class && value instanceof JsonNumber number) {
            return (T) Long.valueOf(number.longValue());
        }
        if (value instanceof JsonString string) {
            return (T) string.getString();
        }
        return (T) value;
    }

    private static Claims standardClaim(String claimName) {
        try {
            return Claims.valueOf(claimName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "SigilJsonWebToken[name=" + getName() + ", jti=" + token.claims().tokenId() + "]";
    }
}
