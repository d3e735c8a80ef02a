package io.sigil.auth.endpoints;

import io.sigil.auth.config.SigilConfigurationException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where Sigil's endpoints live in an application and which are on, read from MicroProfile Config
 * when the application starts. Immutable.
 *
 * @param basePath            {@code sigil.endpoints.base-path} (default {@code /api/auth}): the
 *                            token, logout and password endpoints are {@code <base>/token},
 *                            {@code <base>/logout}, {@code <base>/password}
 * @param formBasePath        {@code sigil.endpoints.form.base-path} (default empty, the application's
 *                            root): the form login and logout are {@code <form base>/login},
 *                            {@code <form base>/logout}
 * @param token               {@code sigil.endpoints.token.enabled}
 * @param logout              {@code sigil.endpoints.logout.enabled}
 * @param password            {@code sigil.endpoints.password.enabled}
 * @param jwks                {@code sigil.endpoints.jwks.enabled}: {@value #JWKS_PATH}
 * @param formLogin           {@code sigil.endpoints.form.enabled}: the form login and logout, and
 *                            the account page {@code <form base>/account}
 * @param hardenSessionCookie {@code sigil.session.cookie.harden}: HttpOnly and SameSite=Lax on the
 *                            session cookie
 * @param metrics             {@code sigil.endpoints.metrics.enabled}: {@code <base>/metrics}, Prometheus
 *                            text for callers in {@code metricsRole}
 * @param health              {@code sigil.endpoints.health.enabled}: {@code <base>/health}
 * @param metricsRole         {@code sigil.metrics.role} (default {@value #DEFAULT_METRICS_ROLE}): the role
 *                            that may read the metrics and the health check's details
 */
public record EndpointSettings(String basePath, String formBasePath, boolean token, boolean logout,
                               boolean password, boolean jwks, boolean formLogin, boolean hardenSessionCookie,
                               boolean metrics, boolean health, String metricsRole) {

    /** The prefix of every key read here. */
    public static final String PREFIX = "sigil.endpoints.";
    /** Where the JWK Set is published (RFC 8615 well-known location), relative to the application. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    /** The key of the role that may read the metrics. */
    public static final String METRICS_ROLE_KEY = "sigil.metrics.role";
    /** The default of {@value #METRICS_ROLE_KEY}. */
    public static final String DEFAULT_METRICS_ROLE = "sigil-metrics";

    /** Checks both paths: empty or {@code /segment[/segment…]}, no trailing slash, no wildcard. */
    public EndpointSettings {
        checkPath(PREFIX + "base-path", basePath);
        checkPath(PREFIX + "form.base-path", formBasePath);
        if (metricsRole == null || metricsRole.isEmpty() || metricsRole.equals("*") || metricsRole.equals("**")
                || metricsRole.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new SigilConfigurationException(METRICS_ROLE_KEY + " must be one role name (no spaces, not * or **)");
        }
    }

    /**
     * Reads the settings.
     *
     * @param config the application's configuration
     * @return the settings
     * @throws SigilConfigurationException naming the key of a malformed value
     */
    public static EndpointSettings from(Config config) {
        return new EndpointSettings(
                string(config, PREFIX + "base-path").orElse("/api/auth"),
                string(config, PREFIX + "form.base-path").orElse(""),
                bool(config, PREFIX + "token.enabled"),
                bool(config, PREFIX + "logout.enabled"),
                bool(config, PREFIX + "password.enabled"),
                bool(config, PREFIX + "jwks.enabled"),
                bool(config, PREFIX + "form.enabled"),
                bool(config, "sigil.session.cookie.harden"),
                bool(config, PREFIX + "metrics.enabled"),
                bool(config, PREFIX + "health.enabled"),
                string(config, METRICS_ROLE_KEY).orElse(DEFAULT_METRICS_ROLE));
    }

    private static Optional<String> string(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim);
    }

    /** Every switch is on unless set to false; anything but true or false fails, naming the key. */
    private static boolean bool(Config config, String key) {
        String value = string(config, key).orElse("true");
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new SigilConfigurationException(key + " must be true or false");
    }

    private static void checkPath(String key, String path) {
        if (path.isEmpty()) {
            return;
        }
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("//") || path.contains("*")
                || path.contains("..") || path.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '?' || c == '#')) {
            throw new SigilConfigurationException(key + " must be empty or a path such as /api/auth"
                    + " (a leading slash, no trailing slash, no wildcard)");
        }
    }
}
