package io.sigil.auth.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a request carries its token, from {@code mp.jwt.token.header} and
 * {@code mp.jwt.token.cookie}. Immutable.
 *
 * <ul>
 * <li>{@code Authorization} (the default): {@code Authorization: Bearer <token>}.</li>
 * <li>{@code Cookie}: only the cookie named {@code cookie} (MicroProfile JWT's meaning; the
 * cookie name defaults to {@code Bearer}).</li>
 * <li>any other header name: that header carries the bare token.</li>
 * </ul>
 * With a cookie name while the header is not {@code Cookie} ({@code sigil.token.cookie}; MicroProfile
 * JWT's {@code mp.jwt.token.cookie} counts only with the header {@code Cookie}), the cookie is
 * read as well, but only when the request carries no token header: a token the client sends
 * explicitly always wins over one the browser sends on its own.
 *
 * @param header the header name, as configured
 * @param cookie the cookie name, when tokens are read from a cookie
 */
public record TokenTransport(String header, Optional<String> cookie) {

    /** The default header. */
    public static final String AUTHORIZATION = "Authorization";
    /** The header value that means "read the cookie only". */
    public static final String COOKIE = "Cookie";
    /** MicroProfile JWT's default cookie name. */
    public static final String DEFAULT_COOKIE = "Bearer";

    /** RFC 9110 {@code tchar}, which is also what RFC 6265 allows in a cookie name. */
    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

    /**
     * @throws SigilConfigurationException if a name is not a valid header or cookie name, or the
     *                                     header is {@code Cookie} without a cookie name
     */
    public TokenTransport {
        if (!isToken(header)) {
            throw new SigilConfigurationException(SigilConfigLoader.TOKEN_HEADER
                    + " must be a header name (letters, digits and !#$%&'*+-.^_`|~)");
        }
        if (cookie.isPresent() && !isToken(cookie.get())) {
            throw new SigilConfigurationException((isCookieOnly(header) ? SigilConfigLoader.TOKEN_COOKIE
                    : SigilConfigLoader.SIDE_COOKIE) + " must be a cookie name (letters, digits and !#$%&'*+-.^_`|~)");
        }
        if (isCookieOnly(header) && cookie.isEmpty()) {
            throw new SigilConfigurationException(SigilConfigLoader.TOKEN_COOKIE
                    + " must name a cookie when " + SigilConfigLoader.TOKEN_HEADER + " is Cookie");
        }
    }

    /** @return the default: {@code Authorization: Bearer}, no cookie */
    public static TokenTransport bearer() {
        return new TokenTransport(AUTHORIZATION, Optional.empty());
    }

    /** @return whether tokens come as {@code Authorization: Bearer} */
    public boolean usesAuthorization() {
        return header.equalsIgnoreCase(AUTHORIZATION);
    }

    /** @return whether tokens come only from the cookie */
    public boolean cookieOnly() {
        return isCookieOnly(header);
    }

    private static boolean isCookieOnly(String header) {
        return header.toLowerCase(Locale.ROOT).equals("cookie");
    }

    private static boolean isToken(String name) {
        if (name == null || name.isEmpty() || name.length() > 256) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || TOKEN_CHARS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
