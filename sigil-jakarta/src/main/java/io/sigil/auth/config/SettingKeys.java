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
     * The key settings that decide how a key location is opened ({@link KeySources}): while none
     * of them changes, an outside issuer whose key location stays keeps its key source (a remote
     * JWK Set is not fetched again).
     */
    static final Set<String> KEY_SOURCES = Set.of(KEYS_RELOAD_INTERVAL, REMOTE_KEYS_REFRESH_INTERVAL,
            REMOTE_KEYS_MAX_AGE, RSA_MIN_BITS, REMOTE_KEYS_ALLOW_HTTP);

    /**
     * Settings read only when the application deploys: the JDBC user store's data source, the
     * revocation map (looked up once in JNDI), the endpoints' paths and switches (the servlets
     * are registered once, by {@code SigilEndpoints}), the metrics role (declared to the container
     * by {@code ServletContext.declareRoles}, which only an application that is starting may call;
     * Payara grants an undeclared role to nobody), the session cookie hardening (the session
     * cookie's settings may only be changed while the application starts) and the direct token
     * path (its Jakarta Authentication provider is registered once, when the application starts).
     * A change is logged as a WARNING once and waits for a redeploy.
     */
    public static final List<String> FIXED_AT_DEPLOYMENT = List.of(DATASOURCE, "sigil.revocation.cache",
            "sigil.revocation.map", "sigil.endpoints.base-path", "sigil.endpoints.form.base-path",
            "sigil.endpoints.token.enabled", "sigil.endpoints.logout.enabled", "sigil.endpoints.password.enabled",
            "sigil.endpoints.jwks.enabled", "sigil.endpoints.form.enabled", "sigil.endpoints.metrics.enabled",
            "sigil.endpoints.health.enabled", "sigil.metrics.role", "sigil.session.cookie.harden",
            "sigil.token.direct-path");

    /**
     * Every other setting: a change takes effect at the next reload. The outside issuers'
     * {@code sigil.issuer.<name>.*} keys of the names listed in {@code sigil.issuers} are live too
     * ({@link #ofIssuers}).
     */
    static final List<String> LIVE = List.of(TrustedIssuers.ISSUERS, ISSUER, AUDIENCES, CLOCK_SKEW, TOKEN_AGE, LIFETIME, MAX_LENGTH, REALM,
            TOKEN_HEADER, TOKEN_COOKIE, SIDE_COOKIE, REQUIRED_CLAIMS, JWKS_MAX_AGE, TOKEN_CACHE_SIZE, CookieMode.ENABLED,
            CookieMode.SECURE, CookieMode.SAME_SITE, SigilSettings.RELOAD_INTERVAL,
            "sigil.throttle.enabled", "sigil.throttle.account.free-failures", "sigil.throttle.address.free-failures",
            "sigil.throttle.base-delay", "sigil.throttle.max-delay", "sigil.throttle.window",
            "sigil.refresh.enabled", "sigil.refresh.idle-timeout", "sigil.refresh.absolute-lifetime");

    /** All keys read by name on every reload. */
    static final List<String> WATCHED = watched();

    private SettingKeys() {
    }

    /**
     * The keys of the outside issuers that {@code sigil.issuers} lists, read by name on every
     * reload (environment variables and credential-store expressions are found only so). A name
     * that is not well formed is skipped here; loading the issuers refuses it, naming the key.
     *
     * @param issuers the value of {@code sigil.issuers}, "" when unset
     * @return {@code sigil.issuer.<name>.<suffix>} for every listed name and every suffix
     */
    static List<String> ofIssuers(String issuers) {
        List<String> keys = new ArrayList<>();
        for (String item : issuers.split(",")) {
            String name = item.trim();
            if (TrustedIssuers.isWellFormedName(name)) {
                for (String suffix : TrustedIssuers.SUFFIXES) {
                    keys.add(TrustedIssuers.key(name, suffix));
                }
            }
        }
        return List.copyOf(keys);
    }

    private static List<String> watched() {
        List<String> all = new ArrayList<>(LIVE);
        all.addAll(KEYS);
        all.addAll(FIXED_AT_DEPLOYMENT);
        return List.copyOf(all);
    }
}
