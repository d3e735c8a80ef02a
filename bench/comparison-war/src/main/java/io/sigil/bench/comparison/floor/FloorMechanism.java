package io.sigil.bench.comparison.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * A Jakarta Security mechanism that checks nothing: any request with an {@code Authorization}
 * header is the caller {@code alice} with the groups {@code user} and {@code admin}. It measures
 * what the container's path around a mechanism costs (on WildFly Elytron's JASPI layer and
 * Soteria, the login and the caller's roles), so that the load benchmark can tell that cost from
 * Sigil's own. A measuring fixture for a loopback benchmark, never anything else: it lets anyone in.
 */
@ApplicationScoped
public class FloorMechanism implements HttpAuthenticationMechanism {

    private static final CallerPrincipal ALICE = new CallerPrincipal("alice");
    private static final Set<String> GROUPS = Set.of("user", "admin");

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (request.getHeader("Authorization") != null) {
            return context.notifyContainerAboutLogin(ALICE, GROUPS);
        }
        return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
    }
}
