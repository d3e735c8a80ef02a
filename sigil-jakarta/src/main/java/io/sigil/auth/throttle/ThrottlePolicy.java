package io.sigil.auth.throttle;

import io.sigil.auth.config.SigilConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The numbers of login throttling, read from MicroProfile Config. A counter (per account, or per
 * client address) allows its free failures without delay; each further failure blocks the next
 * attempt for {@code base-delay × 2^(failures − free)}, capped at {@code max-delay}. A counter is
 * forgotten {@code window} after its last failure. Immutable.
 *
 * @param enabled              {@code sigil.throttle.enabled} (default true)
 * @param accountFreeFailures  {@code sigil.throttle.account.free-failures} (default 5)
 * @param addressFreeFailures  {@code sigil.throttle.address.free-failures} (default 100): well above
 *                             the account's, since many users may share one address
 * @param baseDelay            {@code sigil.throttle.base-delay} (default PT1S)
 * @param maxDelay             {@code sigil.throttle.max-delay} (default PT15M)
 * @param window               {@code sigil.throttle.window} (default PT24H), at least {@code max-delay}
 */
public record ThrottlePolicy(boolean enabled, int accountFreeFailures, int addressFreeFailures,
                             Duration baseDelay, Duration maxDelay, Duration window) {

    /** The prefix of every key read here. */
    public static final String PREFIX = "sigil.throttle.";

    /** Checks the ranges; the message names the key. */
    public ThrottlePolicy {
        if (accountFreeFailures < 1 || accountFreeFailures > 100) {
            throw new SigilConfigurationException(PREFIX + "account.free-failures must be between 1 and 100");
        }
        if (addressFreeFailures < accountFreeFailures) {
            throw new SigilConfigurationException(PREFIX + "address.free-failures must be at least "
                    + PREFIX + "account.free-failures");
        }
        if (baseDelay.compareTo(Duration.ofMillis(100)) < 0 || baseDelay.compareTo(maxDelay) > 0) {
            throw new SigilConfigurationException(PREFIX + "base-delay must be at least PT0.1S and at most "
                    + PREFIX + "max-delay");
        }
        if (maxDelay.compareTo(Duration.ofHours(24)) > 0) {
            throw new SigilConfigurationException(PREFIX + "max-delay must be at most PT24H");
        }
        if (window.compareTo(maxDelay) < 0) {
            throw new SigilConfigurationException(PREFIX + "window must be at least " + PREFIX + "max-delay");
        }
    }

    /** @return the defaults */
    public static ThrottlePolicy defaults() {
        return new ThrottlePolicy(true, 5, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(24));
    }

    /**
     * Reads the policy.
     *
     * @param config the application's configuration
     * @return the policy
     * @throws SigilConfigurationException naming the key of a malformed value
     */
    public static ThrottlePolicy from(Config config) {
        ThrottlePolicy d = defaults();
        return new ThrottlePolicy(
                bool(config, PREFIX + "enabled", d.enabled()),
                integer(config, PREFIX + "account.free-failures", d.accountFreeFailures()),
                integer(config, PREFIX + "address.free-failures", d.addressFreeFailures()),
                duration(config, PREFIX + "base-delay", d.baseDelay()),
                duration(config, PREFIX + "max-delay", d.maxDelay()),
                duration(config, PREFIX + "window", d.window()));
    }

    /**
     * @param failures the failures counted so far
     * @param free     how many failures pass without delay
     * @return how long after the last failure the next attempt must wait; zero below {@code free}
     */
    public Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = failures - free;
        long base = baseDelay.toMillis();
        if (doublings >= 40 || base << doublings >= maxDelay.toMillis()) {
            return maxDelay;
        }
        return Duration.ofMillis(base << doublings);
    }

    static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static boolean bool(Config config, String key, boolean fallback) {
        String value = value(config, key).orElse(Boolean.toString(fallback));
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new SigilConfigurationException(key + " must be true or false");
    }

    private static int integer(Config config, String key, int fallback) {
        try {
            return value(config, key).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new SigilConfigurationException(key + " must be a whole number");
        }
    }

    /**
     * @param config   the configuration
     * @param key      the key
     * @param fallback the default
     * @return an ISO-8601 duration such as PT15M
     * @throws SigilConfigurationException naming the key if the value is not one
     */
    public static Duration duration(Config config, String key, Duration fallback) {
        try {
            return value(config, key).map(Duration::parse).orElse(fallback);
        } catch (DateTimeParseException e) {
            throw new SigilConfigurationException(key + " must be an ISO-8601 duration such as PT15M");
        }
    }
}
