package io.sigil.auth.refresh;

import io.sigil.auth.throttle.ThrottlePolicy;
import io.sigil.auth.config.SigilConfigurationException;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How refresh tokens behave, read from MicroProfile Config. Immutable.
 *
 * @param enabled          {@code sigil.refresh.enabled} (default true): whether the token endpoint
 *                         hands out refresh tokens and accepts {@code grant_type=refresh_token}
 * @param idleTimeout      {@code sigil.refresh.idle-timeout} (default PT24H): a family unused for
 *                         this long ends
 * @param absoluteLifetime {@code sigil.refresh.absolute-lifetime} (default P7D): a family ends this
 *                         long after the password login that started it, however often it is used
 */
public record RefreshSettings(boolean enabled, Duration idleTimeout, Duration absoluteLifetime) {

    /** The prefix of every key read here. */
    public static final String PREFIX = "sigil.refresh.";

    /** Checks the ranges; the message names the key. */
    public RefreshSettings {
        if (idleTimeout.compareTo(Duration.ofMinutes(1)) < 0 || idleTimeout.compareTo(absoluteLifetime) > 0) {
            throw new SigilConfigurationException(PREFIX + "idle-timeout must be at least PT1M and at most "
                    + PREFIX + "absolute-lifetime");
        }
        if (absoluteLifetime.compareTo(Duration.ofDays(365)) > 0) {
            throw new SigilConfigurationException(PREFIX + "absolute-lifetime must be at most P365D");
        }
    }

    /** @return the defaults */
    public static RefreshSettings defaults() {
        return new RefreshSettings(true, Duration.ofHours(24), Duration.ofDays(7));
    }

    /**
     * Reads the settings.
     *
     * @param config the application's configuration
     * @return the settings
     * @throws SigilConfigurationException naming the key of a malformed value
     */
    public static RefreshSettings from(Config config) {
        RefreshSettings d = defaults();
        String enabled = config.getOptionalValue(PREFIX + "enabled", String.class).map(String::trim).orElse("true");
        if (!enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            throw new SigilConfigurationException(PREFIX + "enabled must be true or false");
        }
        return new RefreshSettings(Boolean.parseBoolean(enabled),
                ThrottlePolicy.duration(config, PREFIX + "idle-timeout", d.idleTimeout()),
                ThrottlePolicy.duration(config, PREFIX + "absolute-lifetime", d.absoluteLifetime()));
    }
}
