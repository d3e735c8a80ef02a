package io.sigil.auth.endpoints;

import io.sigil.auth.config.CookieMode;
import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.mechanism.CsrfGuard;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Sets and clears cookie mode's cookies ({@link CookieMode}): the access token ({@code HttpOnly}),
 * the refresh token where there is one ({@code HttpOnly}, sent only to the token endpoint), and
 * the CSRF token (readable by the page's scripts, which echo it in {@link CsrfGuard#HEADER}).
 * Every cookie is {@code Secure} (unless turned off), {@code SameSite} as configured, host-only.
 * Stateless.
 */
final class BrowserCookies {

    private BrowserCookies() {
    }

    /**
     * Sets the access token and CSRF cookies after a sign-in or a refresh.
     *
     * @param response    the response
     * @param config      the configuration (cookie mode, signing key)
     * @param caller      the caller's name, which the CSRF token is bound to
     * @param accessToken the compact access token
     * @param lifetime    how long the access token lives
     * @return the CSRF token, for the answer's body
     */
    static String signIn(HttpServletResponse response, SigilConfig config, String caller, String accessToken,
                         Duration lifetime) {
        CookieMode mode = config.cookies();
        String csrf = CsrfGuard.newToken(config.keys().signingKey(), caller);
        response.addHeader("Set-Cookie", cookie(mode, mode.accessCookie(), accessToken, "/", lifetime.toSeconds(), true));
        response.addHeader("Set-Cookie", cookie(mode, mode.csrfCookie(), csrf, "/", lifetime.toSeconds(), false));
        return csrf;
    }

    /**
     * Sets the refresh token cookie, sent only to the token endpoint.
     *
     * @param response the response
     * @param mode     cookie mode
     * @param path     the token endpoint's path, context path included
     * @param token    the refresh token
     * @param lifetime how long it may be used
     */
    static void refresh(HttpServletResponse response, CookieMode mode, String path, String token, Duration lifetime) {
        response.addHeader("Set-Cookie", cookie(mode, mode.refreshCookie(), token, path, lifetime.toSeconds(), true));
    }

    /**
     * Clears every cookie of cookie mode (logout).
     *
     * @param response     the response
     * @param mode         cookie mode
     * @param refreshPath  the token endpoint's path, context path included
     */
    static void clear(HttpServletResponse response, CookieMode mode, String refreshPath) {
        response.addHeader("Set-Cookie", cookie(mode, mode.accessCookie(), "", "/", 0, true));
        response.addHeader("Set-Cookie", cookie(mode, mode.csrfCookie(), "", "/", 0, false));
        response.addHeader("Set-Cookie", cookie(mode, mode.refreshCookie(), "", refreshPath, 0, true));
    }

    /**
     * @return whether the request comes from a browser's page (it carries Fetch Metadata or an
     *         {@code Origin}): its scripts then get no token in an answer, only the cookies do
     */
    static boolean fromBrowser(HttpServletRequest request) {
        return request.getHeader("Sec-Fetch-Site") != null || request.getHeader("Origin") != null;
    }

    /** @return whether the client is a browser that wants a page rather than JSON (an HTML form post) */
    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    /** @return the value of the request's only cookie of that name, or null (none, or two) */
    static String value(HttpServletRequest request, String name) {
        return CsrfGuard.cookieValue(request, name);
    }

    private static String cookie(CookieMode mode, String name, String value, String path, long maxAge,
                                 boolean httpOnly) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge
                + (httpOnly ? "; HttpOnly" : "") + (mode.secure() ? "; Secure" : "") + "; SameSite=" + mode.sameSite();
    }
}
