package io.sigil.auth.config;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The raw text of Sigil's settings as MicroProfile Config answered at one moment: every key that
 * {@link SigilSettings} watches, the {@code sigil.issuer.<name>.*} keys of the names that
 * {@code sigil.issuers} lists, plus every key of the configuration's listable sources under
 * {@code sigil.} or {@code mp.jwt.}. Two reads are compared to find out whether anything changed,
 * and a read serves, through {@link #asConfig}, as the configuration a new {@link SigilConfig} is
 * loaded from, so that what is compared is exactly what is loaded. The values include secrets:
 * they are kept in memory only and never written to a log ({@link #toString} names keys only).
 * A watched key whose value cannot be read fails the read; a listed key that cannot be read is
 * left out (Sigil does not read it by name). Immutable.
 */
final class SettingValues {

    private static final Set<String> PREFIXES = Set.of("sigil.", "mp.jwt.");

    /** Each key read, with its value; an unset key is present with the empty string. */
    private final Map<String, String> values;

    private SettingValues(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads every watched key and every listed key under Sigil's prefixes.
     *
     * @param config  the configuration to read
     * @param watched the keys read whether or not a source lists them (environment variables are
     *                found only by name)
     * @return the values
     */
    static SettingValues read(Config config, Collection<String> watched) {
        Map<String, String> values = new TreeMap<>();
        for (String name : watched) {
            values.put(name, watchedValue(config, name));
        }
        for (String name : SettingKeys.ofIssuers(values.getOrDefault(TrustedIssuers.ISSUERS, ""))) {
            values.put(name, watchedValue(config, name));
        }
        Set<String> listed = new LinkedHashSet<>();
        for (String name : config.getPropertyNames()) {
            if (name != null && !values.containsKey(name) && PREFIXES.stream().anyMatch(name::startsWith)) {
                listed.add(name);
            }
        }
        for (String name : listed) {
            try {
                values.put(name, value(config, name));
            } catch (RuntimeException e) {
                // Not a key Sigil reads by name: leave it to whoever reads it.
            }
        }
        return new SettingValues(values);
    }

    /** A watched key's text; one that cannot be read fails the read, naming the key. */
    private static String watchedValue(Config config, String name) {
        try {
            return value(config, name);
        } catch (RuntimeException e) {
            // An expression that does not resolve, say; never echo the value.
            throw new SigilConfigurationException(name + " has a value that cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** A key's text, "" when unset; an empty value in the deciding source unsets it ({@link ConfigLookup}). */
    private static String value(Config config, String name) {
        return ConfigLookup.unsetByEmptyValue(config, name) ? "" : config.getOptionalValue(name, String.class).orElse("");
    }

    /** @return the value of a key read, "" when unset or when the key was not read */
    String get(String key) {
        return values.getOrDefault(key, "");
    }

    /**
     * @param other another read
     * @return the keys whose values differ between the two reads, sorted
     */
    Set<String> changedKeys(SettingValues other) {
        Set<String> keys = new TreeSet<>(values.keySet());
        keys.addAll(other.values.keySet());
        keys.removeIf(key -> get(key).equals(other.get(key)));
        return keys;
    }

    /**
     * A configuration that answers the keys of this read with their read values and every other
     * key from {@code fallback}; conversions other than to {@link String}, {@link Integer},
     * {@link Long} and {@link Boolean} are {@code fallback}'s. An unconvertible value throws
     * {@link IllegalArgumentException}, as MicroProfile Config does.
     *
     * @param fallback the live configuration
     * @param fixed    keys answered with these values instead (settings that stay as deployed)
     * @return the view
     */
    Config asConfig(Config fallback, Map<String, String> fixed) {
        return new View(fallback, fixed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SettingValues read && read.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Names the keys only: the values may hold secrets. */
    @Override
    public String toString() {
        return "SettingValues" + values.keySet();
    }

    /** The configuration as this read saw it. */
    private final class View implements Config {
        private final Config fallback;
        private final Map<String, String> fixed;

        View(Config fallback, Map<String, String> fixed) {
            this.fallback = fallback;
            this.fixed = fixed;
        }

        @Override
        public <T> T getValue(String propertyName, Class<T> propertyType) {
            return getOptionalValue(propertyName, propertyType)
                    .orElseThrow(() -> new NoSuchElementException(propertyName + " is not set"));
        }

        @Override
        public ConfigValue getConfigValue(String propertyName) {
            return fallback.getConfigValue(propertyName);
        }

        @Override
        public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
            String raw = fixed.containsKey(propertyName) ? fixed.get(propertyName) : values.get(propertyName);
            if (raw == null) {
                return fallback.getOptionalValue(propertyName, propertyType);
            }
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(convert(raw, propertyType));
        }

        private <T> T convert(String raw, Class<T> type) {
            if (type == String.class) {
                return type.cast(raw);
            }
            String text = raw.trim();
            if (type == Integer.class) {
                return type.cast(Integer.valueOf(text)); // NumberFormatException is an IllegalArgumentException
            }
            if (type == Long.class) {
                return type.cast(Long.valueOf(text));
            }
            if (type == Boolean.class) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("not a boolean");
                }
                return type.cast(Boolean.valueOf(text));
            }
            Converter<T> converter = fallback.getConverter(type)
                    .orElseThrow(() -> new IllegalArgumentException("no converter for " + type.getSimpleName()));
            return Objects.requireNonNull(converter.convert(raw), "converted value");
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return fallback.getPropertyNames();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return fallback.getConfigSources();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
            return fallback.getConverter(forType);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return fallback.unwrap(type);
        }
    }
}
