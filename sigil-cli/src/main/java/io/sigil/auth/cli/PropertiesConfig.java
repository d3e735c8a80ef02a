package io.sigil.auth.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A MicroProfile {@link Config} over a properties file and the environment, so that
 * {@code verify --config} feeds the server's own loader. As on a server, an environment variable
 * overrides the file, found by MicroProfile Config's rules (the exact name, then every
 * non-alphanumeric character as {@code _}, then that in upper case: {@code SIGIL_SECRET}). An empty
 * value counts as missing. Converts to {@code String}, {@code Boolean}, {@code Integer} and
 * {@code Long}; an unconvertible value throws {@link IllegalArgumentException}, which the loader
 * turns into a message naming the key. Immutable and thread-safe.
 */
final class PropertiesConfig implements Config {

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "on", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "off", "0");

    private final Map<String, String> file;
    private final Map<String, String> env;

    PropertiesConfig(Properties properties, Map<String, String> env) {
        Map<String, String> copy = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(name -> copy.put(name, properties.getProperty(name)));
        this.file = Map.copyOf(copy);
        this.env = Map.copyOf(env);
    }

    /** @return the name of the environment variable that sets {@code key}, if one does */
    Optional<String> environmentName(String key) {
        String sanitized = key.replaceAll("[^A-Za-z0-9_]", "_");
        for (String candidate : List.of(key, sanitized, sanitized.toUpperCase(Locale.ROOT))) {
            String value = env.get(candidate);
            if (value != null && !value.isEmpty()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private String raw(String key) {
        Optional<String> fromEnv = environmentName(key);
        String value = fromEnv.isPresent() ? env.get(fromEnv.get()) : file.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType)
                .orElseThrow(() -> new NoSuchElementException(propertyName + " is not set"));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String raw = raw(propertyName);
        return raw == null ? Optional.empty() : Optional.of(convert(propertyName, raw, propertyType));
    }

    private static <T> T convert(String name, String raw, Class<T> type) {
        if (type == String.class) {
            return type.cast(raw);
        }
        String text = raw.trim();
        try {
            if (type == Boolean.class) {
                String lower = text.toLowerCase(Locale.ROOT);
                if (TRUE.contains(lower) || FALSE.contains(lower)) {
                    return type.cast(TRUE.contains(lower));
                }
                throw new IllegalArgumentException(name + " is not a Boolean");
            }
            if (type == Integer.class) {
                return type.cast(Integer.valueOf(text));
            }
            if (type == Long.class) {
                return type.cast(Long.valueOf(text));
            }
        } catch (NumberFormatException e) {
            // The value is not quoted: it might be a secret put under the wrong key.
            throw new IllegalArgumentException(name + " is not a " + type.getSimpleName(), e);
        }
        throw new IllegalArgumentException("the command-line tool cannot convert " + name + " to " + type.getName());
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        String raw = raw(propertyName);
        String source = raw == null ? null
                : environmentName(propertyName).map(name -> "environment variable " + name).orElse("properties file");
        return new ConfigValue() {
            @Override
            public String getName() {
                return propertyName;
            }

            @Override
            public String getValue() {
                return raw;
            }

            @Override
            public String getRawValue() {
                return raw;
            }

            @Override
            public String getSourceName() {
                return source;
            }

            @Override
            public int getSourceOrdinal() {
                return raw == null ? 0 : source.startsWith("environment") ? 300 : ConfigSource.DEFAULT_ORDINAL;
            }
        };
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return new TreeSet<>(file.keySet());
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("cannot be unwrapped to " + type.getName());
    }
}
