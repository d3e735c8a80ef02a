package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.mechanism.AuthenticatedCaller;
import io.sigil.auth.metrics.SigilMetrics;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The form logout ({@code POST <form base>/logout}): ends the session login, or in cookie mode
 * revokes the cookie's token on every node, ends its refresh family and clears Sigil's cookies,
 * and answers 303 to the login form. Thread-safe.
 */
final class FormLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String loginPath;
    private final EndpointSettings settings;

    FormLogoutServlet(String loginPath, EndpointSettings settings) {
        this.loginPath = loginPath;
        this.settings = settings;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        SigilConfig config = CDI.current().select(SigilConfig.class).get();
        if (config.cookies().enabled()) {
            JsonWebToken token = AuthenticatedCaller.tokenOf(request).orElse(null);
            if (token != null && token.getTokenID() != null) {
                LogoutEndpoint.revoke(token);
                CDI.current().select(SigilMetrics.class).get().revoked(SigilMetrics.Revocation.LOGOUT);
            }
            BrowserCookies.clear(response, config.cookies(), request.getContextPath() + settings.basePath() + "/token");
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + loginPath);
        response.setHeader("Cache-Control", "no-store");
    }
}
