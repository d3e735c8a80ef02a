package io.sigil.app.web;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.mechanism.AuthenticatedCaller;
import io.sigil.auth.revocation.RevocationStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code POST /api/auth/logout}: revokes the bearer token of the request (its {@code jti}, until
 * its {@code exp}) on every node; with {@code ?everywhere=true}, every token of the caller issued
 * until now. A session login is ended as well. Answers 204; 400 for a token without {@code jti}
 * unless {@code everywhere=true}; 401 without credentials.
 */
@Path("auth/logout")
@RequestScoped
public class LogoutResource {

    private static final Logger LOG = Logger.getLogger(LogoutResource.class.getName());

    @Context
    HttpServletRequest request;

    @Inject
    RevocationStore revocations;

    @Inject
    SigilConfig config;

    /**
     * @param everywhere {@code true} to revoke every token of the caller; absent or {@code false}
     *                   for this one
     * @return 204; 400 for another value of {@code everywhere}, or a token without {@code jti}
     *         unless {@code everywhere=true}; 401 without credentials
     */
    @POST
    public Response logout(@QueryParam("everywhere") String everywhere) {
        if (everywhere != null && !everywhere.equals("true") && !everywhere.equals("false")) {
            return Problems.problem(Response.Status.BAD_REQUEST, "everywhere must be true or false.").build();
        }
        AuthenticatedCaller caller = AuthenticatedCaller.of(request).orElse(null);
        if (caller == null) {
            return Problems.problem(Response.Status.UNAUTHORIZED, "Authentication is required.")
                    .header("WWW-Authenticate", "Bearer realm=\"" + config.realm() + "\"").build();
        }
        boolean all = "true".equals(everywhere);
        JsonWebToken token = AuthenticatedCaller.tokenOf(request).orElse(null);
        if (token != null && token.getTokenID() == null && !all) {
            // Without a jti one token cannot be named; revoking nothing would look like success.
            return Problems.problem(Response.Status.BAD_REQUEST,
                    "This token has no jti and cannot be revoked alone; use everywhere=true.").build();
        }
        if (token != null && token.getTokenID() != null) {
            revocations.revokeToken(token.getTokenID(), Instant.ofEpochSecond(token.getExpirationTime()));
            LOG.fine(() -> "revoked token jti=" + token.getTokenID() + " of " + caller.name());
        }
        if (all) {
            revocations.revokeAllFor(caller.name(), Instant.now());
            LOG.fine(() -> "revoked every token of " + caller.name());
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().header("Cache-Control", "no-store").build();
    }
}
