package io.sigil.auth.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Applies MicroProfile Config's rule for an empty value before Sigil asks the {@link Config}: the
 * source of highest ordinal that holds a key decides, and an empty value there means "not set",
 * even where a source of lower ordinal holds a value (MicroProfile Config 2.0 made it so, to let a
 * higher source unset a value). SmallRye Config, in WildFly, resolves this way. Payara's
 * implementation skips an empty value and falls through to the next source, so an application
 * could not unset a domain-wide system property such as {@code sigil.secret} in its own
 * {@code microprofile-config.properties}; with this check a setting means the same on both.
 * Stateless and thread-safe.
 */
final class ConfigLookup {

    private ConfigLookup() {
    }

    /**
     * @param config the configuration
     * @param key    a setting's name
     * @return whether the source of highest ordinal that holds the key holds it with an empty value
     */
    static boolean unsetByEmptyValue(Config config, String key) {
        // The specification orders the sources by descending ordinal.
        for (ConfigSource source : config.getConfigSources()) {
            String value;
            try {
                value = source.getValue(key);
            } catch (RuntimeException e) {
                // A source that cannot answer (a remote one, switched off) holds nothing here.
                continue;
            }
            if (value != null) {
                return value.isEmpty();
            }
        }
        return false;
    }
}
