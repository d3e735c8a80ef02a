package io.sigil.auth.config;

import static io.sigil.auth.config.SigilConfigLoader.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The keys {@link SigilSettings} looks at while the application runs, by what a change of each
 * does. Keys of sources that list their names (system properties set in either console, a
 * {@code microprofile-config.properties}) under {@code sigil.} or {@code mp.jwt.} are looked at
 * too; this list adds those that can only be asked for by name, as environment variables are.
 * A key added to Sigil belongs here. Constants only.
 */
public final class SettingKeys {

    /** Key settings: a change builds the key ring again (otherwise the ring, and a generated secret, stay). */
    public static final Set<String> KEYS = Set.of(SECRET, GENERATE_SECRET, PUBLICKEY, PUBLICKEY_LOCATION,
            PUBLICKEY_ALGORITHM, SIGNING_KEY_LOCATION, SIGNING_KEY_ID, SIGNING_KEY_ALGORITHM, VERIFY_KEYS_LOCATION,
            KEYS_RELOAD_INTERVAL, REMOTE_KEYS_REFRESH_INTERVAL, REMOTE_KEYS_MAX_AGE, DECRYPT_KEY_LOCATION,
            DECRYPT_KEY_ALGORITHM, RSA_MIN_BITS, REMOTE_KEYS_ALLOW_HTTP, ACCEPT_PLAIN_OUTSIDE_TOKENS);

    /**
     * Settings read only when the application deploys: the JDBC user store's data source, the
     * revocation map (looked up once in JNDI), and the endpoints' paths and switches (the
     * servlets are registered once, by {@code SigilEndpoints}, which also declares the metrics
     * role), and the outside issuers of {@code sigil.issuers}, whose per-issuer keys are read with
     * them. A change is logged as a WARNING
     * once and waits for a redeploy.
     */
    public static final List<String> FIXED_AT_DEPLOYMENT = List.of(DATASOURCE, "sigil.revocation.cache",
            "sigil.revocation.map", "sigil.endpoints.base-path", "sigil.endpoints.form.base-path",
            "sigil.endpoints.token.enabled", "sigil.endpoints.logout.enabled", "sigil.endpoints.password.enabled",
            "sigil.endpoints.jwks.enabled", "sigil.endpoints.form.enabled", "sigil.endpoints.metrics.enabled",
            "sigil.endpoints.health.enabled", "sigil.metrics.role", "sigil.session.cookie.harden", TrustedIssuers.ISSUERS);

    /** Every other setting: a change takes effect at the next reload. */
    static final List<String> LIVE = List.of(ISSUER, AUDIENCES, CLOCK_SKEW, TOKEN_AGE, LIFETIME, MAX_LENGTH, REALM,
            TOKEN_HEADER, TOKEN_COOKIE, SIDE_COOKIE, REQUIRED_CLAIMS, JWKS_MAX_AGE, TOKEN_CACHE_SIZE, CookieMode.ENABLED,
            CookieMode.SECURE, CookieMode.SAME_SITE, SigilSettings.RELOAD_INTERVAL,
            "sigil.throttle.enabled", "sigil.throttle.account.free-failures", "sigil.throttle.address.free-failures",
            "sigil.throttle.base-delay", "sigil.throttle.max-delay", "sigil.throttle.window",
            "sigil.refresh.enabled", "sigil.refresh.idle-timeout", "sigil.refresh.absolute-lifetime");

    /** All keys read by name on every reload. */
    static final List<String> WATCHED = watched();

    private SettingKeys() {
    }

    private static List<String> watched() {
        List<String> all = new ArrayList<>(LIVE);
        all.addAll(KEYS);
        all.addAll(FIXED_AT_DEPLOYMENT);
        return List.copyOf(all);
    }
}
