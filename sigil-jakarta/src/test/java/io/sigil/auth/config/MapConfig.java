package io.sigil.auth.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A {@link Config} backed by a map, for unit tests. Converts to {@link String}, {@link Boolean},
 * {@link Integer} and {@link Long}; an unconvertible value makes {@link #getValue} and
 * {@link #getOptionalValue} throw {@link IllegalArgumentException}, as MicroProfile Config
 * implementations do. As in MicroProfile Config 2.0 and later, an empty value counts as missing.
 *
 * <p>The {@link Boolean} conversion accepts the spec's true values ({@code true}, {@code yes},
 * {@code y}, {@code on}, {@code 1}, case-insensitive) and their counterparts ({@code false},
 * {@code no}, {@code n}, {@code off}, {@code 0}), and rejects anything else. That is stricter than
 * the spec's built-in converter, which reads every other value as {@code false}.
 */
public final class MapConfig implements Config {

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "on", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "off", "0");

    private final Map<String, String> values;

    /** @param values the keys and their values */
    public MapConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** @param keysAndValues key, value, key, value, ... */
    public static MapConfig of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new MapConfig(map);
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType)
                .orElseThrow(() -> new NoSuchElementException(propertyName + " is not set"));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String raw = values.get(propertyName);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(convert(propertyName, raw, propertyType));
    }

    private static <T> T convert(String name, String raw, Class<T> type) {
        if (type == String.class) {
            return type.cast(raw);
        }
        String text = raw.trim();
        try {
            if (type == Boolean.class) {
                String lower = text.toLowerCase(Locale.ROOT);
                if (TRUE.contains(lower)) {
                    return type.cast(Boolean.TRUE);
                }
                if (FALSE.contains(lower)) {
                    return type.cast(Boolean.FALSE);
                }
                throw new IllegalArgumentException("cannot convert " + name + "=" + raw + " to Boolean");
            }
            if (type == Integer.class) {
                return type.cast(Integer.valueOf(text));
            }
            if (type == Long.class) {
                return type.cast(Long.valueOf(text));
            }
        } catch (NumberFormatException e) {
            // The real implementations echo the value too; the loader must not pass it on.
            throw new IllegalArgumentException("cannot convert " + name + "=" + raw + " to "
                    + type.getSimpleName(), e);
        }
        throw new UnsupportedOperationException("MapConfig does not convert to " + type.getName());
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        String raw = values.get(propertyName);
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
                return raw == null ? null : "MapConfig";
            }

            @Override
            public int getSourceOrdinal() {
                return raw == null ? 0 : ConfigSource.DEFAULT_ORDINAL;
            }
        };
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return Set.copyOf(values.keySet());
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
        throw new IllegalArgumentException("MapConfig cannot be unwrapped to " + type.getName());
    }
}
