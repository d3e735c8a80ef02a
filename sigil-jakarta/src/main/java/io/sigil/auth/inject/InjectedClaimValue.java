package io.sigil.auth.inject;

import java.lang.reflect.Type;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A {@link ClaimValue} that reads its claim from the current request's token on every
 * {@link #getValue()}, so that one injected into an {@code @ApplicationScoped} bean follows the
 * request. Immutable; thread-safe as far as the token proxy it reads from is.
 *
 * @param <T> the claim's type
 */
final class InjectedClaimValue<T> implements ClaimValue<T> {

    private final String name;
    private final Type type;
    private final JsonWebToken token;

    /**
     * @param name  the claim's name
     * @param type  the type {@link #getValue()} converts to
     * @param token the request-scoped token (a proxy)
     */
    InjectedClaimValue(String name, Type type, JsonWebToken token) {
        this.name = name;
        this.type = type;
        this.token = token;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T getValue() {
        return (T) ClaimConversions.claim(token, name, type);
    }

    @Override
    public String toString() {
        return "ClaimValue[" + name + "]";
    }
}
