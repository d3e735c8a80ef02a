package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.mechanism.AuthenticatedCaller;
import io.sigil.auth.mechanism.CsrfGuard;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The account page ({@code GET <form base>/account}): who the caller is, with which groups, how
 * Sigil authenticated the request and until when the token is valid, with forms (no script
 * needed) to sign out, sign out everywhere and change the password. Without a caller it answers
 * 303 to the sign-in form, which comes back here. Thread-safe.
 */
final class AccountServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Outcomes of the password form, shown after its 303 back here; any other value shows nothing. */
    private static final Map<String, String> STATUS = Map.of(
            "password-changed", "Your password was changed. Every earlier sign-in has ended.",
            "password-wrong", "The current password is wrong.",
            "password-unacceptable", "The new password must have 12 or more characters and differ from the current one.",
            "password-unavailable", "Passwords cannot be changed here.");

    private final EndpointSettings settings;

    AccountServlet(EndpointSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuthenticatedCaller caller = AuthenticatedCaller.of(request).orElse(null);
        String context = request.getContextPath();
        if (caller == null) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", context + settings.formBasePath() + "/login?next="
                    + context + settings.formBasePath() + "/account");
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        SigilConfig config = CDI.current().select(SigilConfig.class).get();
        String csrf = config.cookies().enabled() ? cookie(request, config.cookies().csrfCookie()) : null;
        String hidden = csrf == null ? ""
                : "<input type=\"hidden\" name=\"" + CsrfGuard.FIELD + "\" value=\"" + Pages.escape(csrf) + "\">";
        JsonWebToken token = AuthenticatedCaller.tokenOf(request).orElse(null);
        String how = caller.method() == AuthenticatedCaller.Method.SESSION ? "a session (form sign-in)"
                : csrf != null ? "a token in a cookie" : "a bearer token";
        String expiry = token == null ? "" : "<dt>Token valid until</dt><dd id=\"expires\">"
                + Instant.ofEpochSecond(token.getExpirationTime()) + "</dd>";
        String status = request.getParameter("status") == null ? null : STATUS.get(request.getParameter("status"));
        String api = context + settings.basePath();
        Pages.write(request, response, HttpServletResponse.SC_OK, "Your account", "<h1>Your account</h1>"
                + (status == null ? "" : "<p class=\"notice\" role=\"status\" id=\"status\">" + Pages.escape(status) + "</p>")
                + "<dl><dt>Signed in as</dt><dd id=\"name\">" + Pages.escape(caller.name()) + "</dd>"
                + "<dt>Groups</dt><dd id=\"groups\">" + Pages.escape(String.join(", ", new TreeSet<>(caller.groups())))
                + "</dd><dt>Authenticated by</dt><dd id=\"method\">" + how + "</dd>" + expiry + "</dl>"
                + "<form method=\"post\" action=\"" + Pages.escape(context + settings.formBasePath()) + "/logout\">"
                + hidden + "<button type=\"submit\" id=\"sign-out\">Sign out</button></form>"
                + "<form method=\"post\" action=\"" + Pages.escape(api) + "/logout?everywhere=true\">"
                + hidden + "<button type=\"submit\" id=\"sign-out-everywhere\">Sign out everywhere</button></form>"
                + "<h2>Change password</h2>"
                + "<form method=\"post\" action=\"" + Pages.escape(api) + "/password\" id=\"change-password\">" + hidden
                + "<label for=\"current\">Current password</label>"
                + "<input id=\"current\" name=\"currentPassword\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<label for=\"new\">New password (12 or more characters)</label>"
                + "<input id=\"new\" name=\"newPassword\" type=\"password\" autocomplete=\"new-password\" minlength=\"12\" required>"
                + "<button type=\"submit\">Change password</button></form>");
    }

    private static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
