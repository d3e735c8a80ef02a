package io.sigil.auth.inject;

import io.sigil.auth.mechanism.AuthenticatedCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Produces the {@link JsonWebToken} of the current request, as MicroProfile JWT 2.1 asks for
 * {@code @Inject JsonWebToken}: request-scoped (a client proxy, so an {@code @ApplicationScoped}
 * bean may inject it and always sees the current request's token), and an empty token (no name,
 * no claims) when the request was not authenticated by a bearer token. Thread-safe.
 */
@ApplicationScoped
public class JsonWebTokenProducer {

    private static final Logger LOG = Logger.getLogger(JsonWebTokenProducer.class.getName());

    @Inject
    Instance<HttpServletRequest> request;

    /**
     * Typed to {@link JsonWebToken} alone: as a {@code Principal} it would compete with the
     * container's built-in {@code Principal} bean.
     *
     * @return the verified token of the current request, or the empty token
     */
    @Produces
    @Typed(JsonWebToken.class)
    @RequestScoped
    JsonWebToken currentToken() {
        try {
            if (request.isResolvable()) {
                return AuthenticatedCaller.tokenOf(request.get()).orElse(EmptyJsonWebToken.INSTANCE);
            }
        } catch (RuntimeException e) {
            // Not in an HTTP request (a timer, a remote EJB call): there is no token.
            LOG.log(Level.FINE, "no HTTP request, so no token: {0}", e.toString());
        }
        return EmptyJsonWebToken.INSTANCE;
    }
}
