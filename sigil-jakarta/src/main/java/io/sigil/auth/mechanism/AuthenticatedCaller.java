package io.sigil.auth.mechanism;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who the current request was authenticated as, and how. The mechanism stores it as a request
 * attribute; applications read it with {@link #of(HttpServletRequest)}. Immutable.
 *
 * @param name   the caller name
 * @param groups the caller's groups
 * @param method how the caller was authenticated
 */
public record AuthenticatedCaller(String name, Set<String> groups, Method method) {

    /** How a request was authenticated. */
    public enum Method {
        /** By a bearer token. */
        TOKEN,
        /** By the HttpSession of an earlier form login. */
        SESSION;

        /** @return the lowercase name used in JSON */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The request attribute that holds the caller. */
    public static final String ATTRIBUTE = AuthenticatedCaller.class.getName();

    /** The request attribute that holds the verified token of a request authenticated by one. */
    public static final String TOKEN_ATTRIBUTE = AuthenticatedCaller.class.getName() + ".token";

    /** Copies the groups. */
    public AuthenticatedCaller {
        groups = Set.copyOf(groups);
    }

    /**
     * @param request the current request
     * @return the caller, if the request was authenticated by Sigil
     */
    public static Optional<AuthenticatedCaller> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof AuthenticatedCaller caller
                ? Optional.of(caller) : Optional.empty();
    }

    /**
     * @param request the current request
     * @return the verified token, if the request was authenticated by a bearer token
     */
    public static Optional<JsonWebToken> tokenOf(HttpServletRequest request) {
        return request.getAttribute(TOKEN_ATTRIBUTE) instanceof JsonWebToken token
                ? Optional.of(token) : Optional.empty();
    }
}
