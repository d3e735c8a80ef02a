package io.sigil.auth.mechanism;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * The small, serializable record of a form login kept in the HttpSession. The mechanism
 * re-establishes the caller from it on every request, so a replicated session carries the login
 * and its groups to any node without relying on a container's identity cache. Immutable.
 *
 * @param name      the caller name
 * @param groups    the caller's groups
 * @param loginTime when the caller logged in
 */
record SessionLogin(String name, Set<String> groups, Instant loginTime) implements Serializable {

    /** The session attribute that holds the login. */
    static final String ATTRIBUTE = SessionLogin.class.getName();

    /** Copies the groups. */
    SessionLogin {
        groups = Set.copyOf(groups);
    }
}
