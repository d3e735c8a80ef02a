package io.sigil.auth.config;

import java.util.Locale;

/**
 * Cookie mode for browsers ({@code sigil.cookies.*}): the sign-in (token endpoint and form login)
 * sets the access token, and the refresh token where there is one, as cookies the page's
 * JavaScript cannot read, and a request authenticated by such a cookie that changes state must
 * prove it comes from the application's own pages. Immutable.
 *
 * @param enabled  {@code sigil.cookies.enabled}, default {@code false}
 * @param secure   {@code sigil.cookies.secure}, default {@code true}: the {@code Secure} attribute
 *                 and the {@code __Host-}/{@code __Secure-} name prefixes; {@code false} (plain
 *                 HTTP, development only) is logged as a WARNING
 * @param sameSite {@code sigil.cookies.same-site}: {@code Strict} (default) or {@code Lax}
 */
public record CookieMode(boolean enabled, boolean secure, String sameSite) {

    /** The key that turns cookie mode on. */
    public static final String ENABLED = "sigil.cookies.enabled";
    /** The key that can turn {@code Secure} off for plain-HTTP development. */
    public static final String SECURE = "sigil.cookies.secure";
    /** The key of the {@code SameSite} attribute. */
    public static final String SAME_SITE = "sigil.cookies.same-site";

    /** Normalises and checks {@code sameSite}: {@code None} would send the cookies cross-site. */
    public CookieMode {
        String normal = sameSite.trim().toLowerCase(Locale.ROOT);
        sameSite = switch (normal) {
            case "strict" -> "Strict";
            case "lax" -> "Lax";
            default -> throw new SigilConfigurationException(SAME_SITE + " must be Strict or Lax");
        };
    }

    /** @return cookie mode off */
    public static CookieMode off() {
        return new CookieMode(false, true, "Strict");
    }

    /** @return the access token cookie's name: {@code __Host-sigil-access} when secure */
    public String accessCookie() {
        return (secure ? "__Host-" : "") + "sigil-access";
    }

    /** @return the refresh token cookie's name: {@code __Secure-sigil-refresh} when secure (its path is not /) */
    public String refreshCookie() {
        return (secure ? "__Secure-" : "") + "sigil-refresh";
    }

    /** @return the CSRF token cookie's name, readable by the page's scripts: {@code __Host-sigil-csrf} when secure */
    public String csrfCookie() {
        return (secure ? "__Host-" : "") + "sigil-csrf";
    }
}
