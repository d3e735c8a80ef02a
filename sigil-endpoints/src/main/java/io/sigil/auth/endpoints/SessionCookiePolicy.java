package io.sigil.auth.endpoints;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;

/**
 * Hardens the session cookie that carries the form login: HttpOnly and {@code SameSite=Lax}, so
 * that another site cannot make a browser send it with a cross-site POST. Set in code, the one
 * place for it, because WildFly 39 ignores the Servlet 6 {@code <attribute>} element of
 * {@code cookie-config} in {@code web.xml}. Payara 6 ignores the attribute set here and reads
 * SameSite from {@code WEB-INF/glassfish-web.xml} instead, which says the same.
 */
final class SessionCookiePolicy {

    private SessionCookiePolicy() {
    }

    static void apply(ServletContext context) {
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
    }
}
