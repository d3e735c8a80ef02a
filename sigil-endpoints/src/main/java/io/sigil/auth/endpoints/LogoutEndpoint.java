package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.mechanism.AuthenticatedCaller;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.refresh.RefreshFamilies;
import io.sigil.auth.revocation.RevocationStore;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The logout endpoint ({@code POST <base>/logout}): revokes the bearer token of the request (its
 * {@code jti}, until its {@code exp}) on every node; with {@code ?everywhere=true}, every token of
 * the caller issued until now. The refresh token family the bearer token came from ends with it;
 * logging out everywhere ends every family and session login of the caller (on every node, through
 * the caller's not-before). A session login is ended as well. Answers 204; 400 for another
 * value of {@code everywhere}, or a token without {@code jti} unless {@code everywhere=true};
 * 401 without credentials. In cookie mode Sigil's cookies are cleared; a browser's form post
 * ({@code Accept: text/html}) gets 303 to the sign-in form instead of 204. Thread-safe.
 */
final class LogoutEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LogoutEndpoint.class.getName());

    private final EndpointSettings settings;

    LogoutEndpoint(EndpointSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] values = request.getParameterValues("everywhere");
        String everywhere = values == null ? null : values[0];
        if (everywhere != null && !everywhere.equals("true") && !everywhere.equals("false")) {
            Problems.send(response, 400, "everywhere must be true or false.");
            return;
        }
        AuthenticatedCaller caller = AuthenticatedCaller.of(request).orElse(null);
        if (caller == null) {
            Problems.unauthorized(response, "Authentication is required.");
            return;
        }
        boolean all = "true".equals(everywhere);
        JsonWebToken token = AuthenticatedCaller.tokenOf(request).orElse(null);
        if (token != null && token.getTokenID() == null && !all) {
            // Without a jti one token cannot be named; revoking nothing would look like success.
            Problems.send(response, 400, "This token has no jti and cannot be revoked alone; use everywhere=true.");
            return;
        }
        RevocationStore revocations = CDI.current().select(RevocationStore.class).get();
        if (token != null && token.getTokenID() != null) {
            revoke(token);
            LOG.fine(() -> "revoked token jti=" + token.getTokenID() + " of " + caller.name());
        }
        if (all) {
            revocations.revokeAllFor(caller.name(), Instant.now());
            LOG.fine(() -> "revoked every token of " + caller.name());
        }
        if (all || token != null && token.getTokenID() != null) {
            CDI.current().select(SigilMetrics.class).get().revoked(
                    all ? SigilMetrics.Revocation.LOGOUT_EVERYWHERE : SigilMetrics.Revocation.LOGOUT);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SigilConfig config = CDI.current().select(SigilConfig.class).get();
        if (config.cookies().enabled()) {
            BrowserCookies.clear(response, config.cookies(), request.getContextPath() + settings.basePath() + "/token");
        }
        response.setHeader("Cache-Control", "no-store");
        if (BrowserCookies.wantsHtml(request)) {
            // A form on the account page: back to the sign-in form.
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + settings.formBasePath() + "/login");
            return;
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /**
     * Revokes one token on every node and ends the refresh family it was issued in.
     *
     * @param token a verified token with a {@code jti}
     */
    static void revoke(JsonWebToken token) {
        CDI.current().select(RevocationStore.class).get()
                .revokeToken(token.getTokenID(), Instant.ofEpochSecond(token.getExpirationTime()));
        CDI.current().select(RefreshFamilies.class).get().endFamilyOf(token.getTokenID());
    }
}
