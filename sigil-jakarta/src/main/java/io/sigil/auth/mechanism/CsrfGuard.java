package io.sigil.auth.mechanism;

import io.sigil.auth.token.SigningKey;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Decides whether a state-changing request authenticated by cookie mode's access token cookie
 * comes from the application's own pages (OWASP's CSRF prevention cheat sheet, in its order):
 * <ol>
 * <li>Fetch Metadata: {@code Sec-Fetch-Site: same-origin} (or {@code none}, a navigation the user
 * started) passes; any other value fails;</li>
 * <li>without it, the {@code Origin} header must be the request's own origin;</li>
 * <li>a client that sends neither must send the CSRF token (header {@value #HEADER}, or form
 * field {@value #FIELD}): a signed double-submit token equal to the CSRF cookie and bound to the
 * caller by a signature under the deployment's signing key.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class CsrfGuard {

    /** The request header that carries the CSRF token. */
    public static final String HEADER = "X-CSRF-Token";
    /** The form field that carries the CSRF token. */
    public static final String FIELD = "_csrf";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private CsrfGuard() {
    }

    /**
     * A new CSRF token for a caller: 128 random bits and a signature binding them to the caller.
     *
     * @param key    the deployment's signing key
     * @param caller the caller's name
     * @return the token, for the CSRF cookie and the page
     */
    public static String newToken(SigningKey key, String caller) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String random = ENCODER.encodeToString(nonce);
        return random + "." + ENCODER.encodeToString(key.sign(signed(caller, random)));
    }

    /**
     * @param request   the state-changing request, authenticated by the access token cookie
     * @param caller    the caller the cookie's token names
     * @param key       the deployment's signing key
     * @param csrfCookie the CSRF cookie's name
     * @return whether the request proves it comes from the application's own pages
     */
    static boolean sameOrigin(HttpServletRequest request, String caller, SigningKey key, String csrfCookie) {
        if (request.getHeader("Sec-Fetch-Site") != null || request.getHeader("Origin") != null) {
            return fromOwnPages(request);
        }
        String sent = request.getHeader(HEADER);
        if (sent == null && request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            sent = request.getParameter(FIELD);
        }
        String cookie = cookieValue(request, csrfCookie);
        return sent != null && sent.equals(cookie) && verifies(sent, caller, key);
    }

    /**
     * The first two steps alone, for a request that carries a cookie but no caller yet (the
     * refresh grant from its cookie): Fetch Metadata, else {@code Origin}.
     *
     * @param request the request
     * @return whether the browser says the request comes from this origin's own pages; false when
     *         it says nothing
     */
    public static boolean fromOwnPages(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String value = site.trim().toLowerCase(Locale.ROOT);
            return value.equals("same-origin") || value.equals("none");
        }
        String origin = request.getHeader("Origin");
        return origin != null && origin.equals(ownOrigin(request));
    }

    private static boolean verifies(String token, String caller, SigningKey key) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.length() > 256) {
            return false;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return key.verificationKey().verify(signed(caller, token.substring(0, dot)), signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The signed input; the NUL bytes keep it from ever being a JWS signing input. */
    private static byte[] signed(String caller, String random) {
        return ("sigil-csrf\0" + caller + "\0" + random).getBytes(StandardCharsets.UTF_8);
    }

    private static String ownOrigin(HttpServletRequest request) {
        try {
            URI url = new URI(request.getRequestURL().toString());
            return url.getScheme() + "://" + url.getRawAuthority();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * @param request the request
     * @param name    a cookie name
     * @return the value of the request's only cookie of that name, or null when there is none or
     *         more than one (a second one may have been planted)
     */
    public static String cookieValue(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        String found = null;
        for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(name)) {
                if (found != null) {
                    return null;
                }
                found = cookie.getValue();
            }
        }
        return found;
    }
}
