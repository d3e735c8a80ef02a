package io.sigil.auth.mechanism;

import io.sigil.auth.config.TokenTransport;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the token of a request where {@link TokenTransport} says it travels: the
 * {@code Authorization: Bearer} header, another header carrying the bare token, or a cookie.
 * A header always wins over the cookie. Checks only the form, never the token. Immutable and
 * thread-safe.
 *
 * <p>A cookie is sent by the browser on its own, also with requests another site makes it send.
 * Besides the {@code SameSite} attribute the application must give the cookie, a cookie token is
 * therefore ignored on a request the browser marks as cross-site ({@code Sec-Fetch-Site:
 * cross-site}) unless the method is safe (GET, HEAD, OPTIONS).
 *
 * <p>In cookie mode ({@code sigil.cookies.enabled}) the access token cookie that Sigil sets itself
 * is read last; a token found there is marked {@link Found#browserCookie()}, and the mechanism
 * then requires a state-changing request to prove it comes from the application's own pages
 * ({@link CsrfGuard}).
 */
final class TokenExtractor {

    private static final Logger LOG = Logger.getLogger(TokenExtractor.class.getName());
    private static final String BEARER = "Bearer";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** What a request carries. */
    sealed interface Result {
    }

    /** No token in the request. */
    record Absent() implements Result {
    }

    /**
     * A token, not yet verified.
     *
     * @param token         the compact token
     * @param fromCookie    whether it came from a cookie
     * @param browserCookie whether it came from cookie mode's access token cookie
     */
    record Found(String token, boolean fromCookie, boolean browserCookie) implements Result {
        /** A token from a header or the MicroProfile JWT cookie. */
        Found(String token, boolean fromCookie) {
            this(token, fromCookie, false);
        }

        @Override
        public String toString() {
            return "Found[" + token.length() + " chars, cookie=" + fromCookie + ", browser=" + browserCookie + "]";
        }
    }

    /**
     * A token header or cookie that is malformed (400, not 401).
     *
     * @param reason what is wrong, for a FINE log line; never contains the token
     */
    record Malformed(String reason) implements Result {
    }

    private static final Absent ABSENT = new Absent();

    private final TokenTransport transport;
    private final String browserCookie;

    TokenExtractor(TokenTransport transport) {
        this(transport, null);
    }

    /**
     * @param transport     where tokens travel
     * @param browserCookie cookie mode's access token cookie, or null when cookie mode is off
     */
    TokenExtractor(TokenTransport transport, String browserCookie) {
        this.transport = transport;
        this.browserCookie = browserCookie;
    }

    /**
     * @param request the request
     * @return the token, its absence, or why the request is malformed
     */
    Result extract(HttpServletRequest request) {
        if (!transport.cookieOnly()) {
            Result fromHeader = transport.usesAuthorization() ? authorization(request) : customHeader(request);
            if (!(fromHeader instanceof Absent)) {
                return fromHeader;
            }
        }
        Result fromCookie = transport.cookie().isPresent() ? cookie(request, transport.cookie().get(), false) : ABSENT;
        return fromCookie instanceof Absent && browserCookie != null ? cookie(request, browserCookie, true) : fromCookie;
    }

    private static Result authorization(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(TokenTransport.AUTHORIZATION);
        String value = headers != null && headers.hasMoreElements() ? headers.nextElement() : null;
        if (value == null || !isBearer(value)) {
            // Another scheme (Basic, ...) is not Sigil's business.
            return ABSENT;
        }
        if (headers.hasMoreElements()) {
            return new Malformed("more than one Authorization header");
        }
        String token = value.substring(BEARER.length()).trim();
        return token.isEmpty() ? new Malformed("empty bearer token") : new Found(token, false, false);
    }

    private Result customHeader(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(transport.header());
        String value = headers != null && headers.hasMoreElements() ? headers.nextElement() : null;
        if (value == null) {
            return ABSENT;
        }
        if (headers.hasMoreElements()) {
            return new Malformed("more than one token header");
        }
        String token = value.trim();
        return token.isEmpty() ? new Malformed("empty token header") : new Found(token, false, false);
    }

    /**
     * Reads the cookie from the raw {@code Cookie} headers rather than {@code getCookies()}: some
     * containers keep only one of two cookies with the same name, and two are refused here.
     */
    private static Result cookie(HttpServletRequest request, String name, boolean browser) {
        Enumeration<String> headers = request.getHeaders("Cookie");
        String token = null;
        while (headers != null && headers.hasMoreElements()) {
            for (String pair : headers.nextElement().split(";")) {
                int equals = pair.indexOf('=');
                if (equals < 0 || !pair.substring(0, equals).trim().equals(name)) {
                    continue;
                }
                if (token != null) {
                    // Two cookies of the same name: one may have been planted for a parent domain.
                    return new Malformed("more than one token cookie");
                }
                token = unquote(pair.substring(equals + 1).trim());
            }
        }
        if (token == null || token.isEmpty()) {
            return ABSENT;
        }
        if (!browser && !isSafe(request)
                && "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            LOG.log(Level.FINE, "token cookie ignored on a cross-site {0} request", request.getMethod());
            return ABSENT;
        }
        return new Found(token, true, browser);
    }

    /** @return whether the request's method is safe (GET, HEAD, OPTIONS): it must not change state */
    static boolean isSafe(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod());
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static boolean isBearer(String authorization) {
        return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && (authorization.length() == BEARER.length() || authorization.charAt(BEARER.length()) == ' ');
    }
}
