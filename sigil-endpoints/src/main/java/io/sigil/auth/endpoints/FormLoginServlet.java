package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.throttle.LoginThrottle;
import io.sigil.auth.identitystore.PasswordCheck;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * The classic login for clients without a token: {@code GET <form base>/login} shows a form,
 * {@code POST <form base>/login} logs in through the container ({@link SecurityContext#authenticate}),
 * which records the login in a fresh HttpSession and answers 303 to {@code /app/} or a
 * same-origin {@code next}. In cookie mode the login instead ends in token cookies and no session
 * ({@link PasswordSignIn}, {@link BrowserCookies}). A wrong password shows the form again with 401
 * and creates nothing. An attempt the {@link LoginThrottle} holds back (checked before any password
 * is hashed) gets 429 with {@code Retry-After} and a problem+json body. Thread-safe.
 */
final class FormLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final EndpointSettings settings;

    FormLoginServlet(EndpointSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, HttpServletResponse.SC_OK, request.getParameter("next"), false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        String next = request.getParameter("next");
        if (username == null || password == null || username.isEmpty()) {
            render(request, response, HttpServletResponse.SC_BAD_REQUEST, next, true);
            return;
        }
        SigilConfig config = CDI.current().select(SigilConfig.class).get();
        if (config.cookies().enabled()) {
            cookieSignIn(request, response, config, username, password, next);
            return;
        }
        AuthenticationStatus status = CDI.current().select(SecurityContext.class).get().authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", target(request, next));
            return;
        }
        if (request.getAttribute(LoginThrottle.RETRY_AFTER_ATTRIBUTE) instanceof Duration wait) {
            response.reset();
            Problems.tooManyAttempts(response, wait);
            return;
        }
        if (response.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            // The mechanism found no identity store that could answer, and set Retry-After.
            unavailable(response);
            return;
        }
        render(request, response, HttpServletResponse.SC_UNAUTHORIZED, next, true);
    }

    /** Cookie mode: throttle, identity stores, then the tokens into cookies; no session. */
    private void cookieSignIn(HttpServletRequest request, HttpServletResponse response, SigilConfig config,
                              String username, String password, String next) throws IOException {
        PasswordSignIn.Outcome outcome = PasswordSignIn.attempt(request, username, password);
        if (outcome instanceof PasswordSignIn.Throttled throttled) {
            Problems.tooManyAttempts(response, throttled.retryAfter());
            return;
        }
        if (outcome instanceof PasswordSignIn.Unavailable) {
            unavailable(response);
            return;
        }
        if (!(outcome instanceof PasswordSignIn.Granted granted)) {
            render(request, response, HttpServletResponse.SC_UNAUTHORIZED, next, true);
            return;
        }
        BrowserCookies.signIn(response, config, granted.caller(), granted.access().compact(), granted.lifetime());
        if (granted.refreshToken() != null) {
            BrowserCookies.refresh(response, config.cookies(), request.getContextPath() + settings.basePath() + "/token",
                    granted.refreshToken(), CDI.current().select(io.sigil.auth.refresh.RefreshFamilies.class).get()
                            .settings().absoluteLifetime());
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target(request, next));
        response.setHeader("Cache-Control", "no-store");
    }

    /** Only a path inside this application is followed; anything else goes to its root. */
    static String target(HttpServletRequest request, String next) {
        String root = request.getContextPath() + "/";
        if (next == null || !next.startsWith(root) || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return root;
        }
        return next;
    }

    private static void render(HttpServletRequest request, HttpServletResponse response, int status, String next,
                               boolean failed) throws IOException {
        String username = failed ? request.getParameter("username") : null;
        String value = username == null || username.length() > 256 ? "" : " value=\"" + Pages.escape(username) + "\"";
        String hiddenNext = next == null ? ""
                : "<input type=\"hidden\" name=\"next\" value=\"" + Pages.escape(next) + "\">";
        Pages.write(request, response, status, "Sign in", "<h1>Sign in</h1>"
                + (failed ? "<p class=\"error\" role=\"alert\" id=\"sign-in-error\">Invalid user name or password.</p>" : "")
                + "<form method=\"post\" action=\"login\" id=\"sign-in\">"
                + "<label for=\"username\">User name</label>"
                + "<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus" + value + ">"
                + "<label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + hiddenNext
                + "<button type=\"submit\">Sign in</button></form>");
    }

    /** 503 with Retry-After: no identity store could check the password (see PasswordCheck). */
    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", String.valueOf(PasswordCheck.RETRY_AFTER_SECONDS));
        Problems.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                "The sign-in service is unavailable. Please try again in a moment.");
    }
}
