package io.sigil.auth.endpoints;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The form logout ({@code POST <form base>/logout}): ends the session login and answers 303 to
 * the login form. Thread-safe.
 */
final class FormLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String loginPath;

    FormLogoutServlet(String loginPath) {
        this.loginPath = loginPath;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
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
