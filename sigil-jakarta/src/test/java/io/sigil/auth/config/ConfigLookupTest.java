package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** An empty value in the source of highest ordinal unsets a key, whatever the implementation does with it. */
class ConfigLookupTest {

    @Test
    void get_emptyValueInTheHighestSource_isNotSetEvenWhereALowerSourceHasOne() {
        Config config = new FallThroughConfig(source("application", 1000, Map.of("sigil.secret", "")),
                source("domain", 400, Map.of("sigil.secret", "c2VjcmV0")));
        assertThat(config.getOptionalValue("sigil.secret", String.class)).as("the implementation falls through")
                .contains("c2VjcmV0");
        assertThat(SigilConfigLoader.get(config, "sigil.secret", String.class)).isEmpty();
    }

    @Test
    void settingValues_emptyValueInTheHighestSource_isNotSet() {
        Config config = new FallThroughConfig(source("application", 1000, Map.of("sigil.secret", "")),
                source("domain", 400, Map.of("sigil.secret", "c2VjcmV0")));
        SettingValues read = SettingValues.read(config, List.of("sigil.secret"));
        assertThat(read.get("sigil.secret")).isEmpty();
        assertThat(SigilConfigLoader.get(read.asConfig(config, Map.of()), "sigil.secret", String.class)).isEmpty();
    }

    @Test
    void get_valueInTheHighestSource_isRead() {
        Config config = new FallThroughConfig(source("application", 1000, Map.of("sigil.secret", "bmV3")),
                source("domain", 400, Map.of("sigil.secret", "")));
        assertThat(SigilConfigLoader.get(config, "sigil.secret", String.class)).contains("bmV3");
    }

    @Test
    void get_emptyValueInALowerSource_doesNotHideAHigherOne() {
        Config config = new FallThroughConfig(source("application", 1000, Map.of()),
                source("system", 400, Map.of("sigil.secret", "c2VjcmV0")), source("env", 300, Map.of("sigil.secret", "")));
        assertThat(SigilConfigLoader.get(config, "sigil.secret", String.class)).contains("c2VjcmV0");
    }

    @Test
    void get_sourceThatFails_isPassedOver() {
        ConfigSource broken = new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return Set.of();
            }

            @Override
            public String getValue(String propertyName) {
                throw new IllegalStateException("switched off");
            }

            @Override
            public String getName() {
                return "broken";
            }

            @Override
            public int getOrdinal() {
                return 2000;
            }
        };
        Config config = new FallThroughConfig(broken, source("domain", 400, Map.of("sigil.secret", "c2VjcmV0")));
        assertThat(SigilConfigLoader.get(config, "sigil.secret", String.class)).contains("c2VjcmV0");
    }

    private static ConfigSource source(String name, int ordinal, Map<String, String> values) {
        return new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String propertyName) {
                return values.get(propertyName);
            }

            @Override
            public String getName() {
                return name;
            }

            @Override
            public int getOrdinal() {
                return ordinal;
            }
        };
    }

    /** Strings only; skips an empty value and falls through to the next source, as Payara's implementation does. */
    private static final class FallThroughConfig implements Config {

        private final List<ConfigSource> sources;

        FallThroughConfig(ConfigSource... sources) {
            this.sources = List.of(sources).stream()
                    .sorted(Comparator.comparingInt(ConfigSource::getOrdinal).reversed()).toList();
        }

        @Override
        public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
            for (ConfigSource source : sources) {
                String value;
                try {
                    value = source.getValue(propertyName);
                } catch (RuntimeException e) {
                    continue;
                }
                if (value != null && !value.isEmpty()) {
                    return Optional.of(propertyType.cast(value));
                }
            }
            return Optional.empty();
        }

        @Override
        public <T> T getValue(String propertyName, Class<T> propertyType) {
            return getOptionalValue(propertyName, propertyType).orElseThrow(NoSuchElementException::new);
        }

        @Override
        public ConfigValue getConfigValue(String propertyName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return sources;
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException();
        }
    }
}
