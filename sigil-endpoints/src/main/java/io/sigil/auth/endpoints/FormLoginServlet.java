package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.token.TokenIssuer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The classic login for clients without a token: {@code GET <form base>/login} shows a form,
 * {@code POST <form base>/login} logs in through the container ({@link SecurityContext#authenticate}), which
 * records the login in a fresh HttpSession and answers 303 to {@code /app/} or a same-origin
 * {@code next}. A wrong password shows the form again with 401 and creates no session.
 * Thread-safe.
 */
final class FormLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

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
        render(request, response, HttpServletResponse.SC_UNAUTHORIZED, next, true);
    }

    /** Cookie mode: the password goes to the identity stores, the tokens into cookies, no session. */
    private static void cookieSignIn(HttpServletRequest request, HttpServletResponse response, SigilConfig config,
                                     String username, String password, String next) throws IOException {
        CredentialValidationResult result = CDI.current().select(IdentityStoreHandler.class).get()
                .validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            render(request, response, HttpServletResponse.SC_UNAUTHORIZED, next, true);
            return;
        }
        TokenIssuer issuer = CDI.current().select(TokenIssuer.class).get();
        String caller = result.getCallerPrincipal().getName();
        BrowserCookies.signIn(response, config, caller, issuer.issue(caller, result.getCallerGroups()).compact(),
                issuer.lifetime());
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
}
