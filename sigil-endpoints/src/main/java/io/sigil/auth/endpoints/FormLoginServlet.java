package io.sigil.auth.endpoints;

import io.sigil.auth.throttle.LoginThrottle;
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
 * {@code POST <form base>/login} logs in through the container ({@link SecurityContext#authenticate}), which
 * records the login in a fresh HttpSession and answers 303 to {@code /app/} or a same-origin
 * {@code next}. A wrong password shows the form again with 401 and creates no session. An attempt
 * the {@link LoginThrottle} holds back (checked by the mechanism before any password is hashed)
 * gets 429 with {@code Retry-After} and a problem+json body. Thread-safe.
 */
final class FormLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(response, request.getParameter("next"), false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        String next = request.getParameter("next");
        if (username == null || password == null || username.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            render(response, next, true);
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
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        render(response, next, true);
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

    private static void render(HttpServletResponse response, String next, boolean failed) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'self'; form-action 'self'");
        String hiddenNext = next == null ? "" : "<input type=\"hidden\" name=\"next\" value=\"" + escape(next) + "\">";
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Sigil sign-in</title></head><body><h1>Sign in</h1>"
                + (failed ? "<p role=\"alert\">Invalid user name or password.</p>" : "")
                + "<form method=\"post\" action=\"login\">"
                + "<label>User name <input name=\"username\" autocomplete=\"username\" required></label>"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
                + hiddenNext
                + "<button type=\"submit\">Sign in</button></form></body></html>\n");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
