package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/** Loads a {@link SigilConfig} from keys and values, with an HS256 secret unless a key setting brings one. */
final class TestConfigs {

    /** A fixed base64url secret of 32 bytes. */
    static final String SECRET = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32, 7));

    private TestConfigs() {
    }

    static SigilConfig load(Clock clock, String... keysAndValues) {
        return SigilConfigLoader.load(withSecret(keysAndValues), TestConfigs.class.getClassLoader(), clock);
    }

    /** @return the deployment failure the settings cause (the test fails if they load) */
    static SigilConfigurationException failure(Clock clock, String... keysAndValues) {
        Throwable thrown = catchThrowable(() -> load(clock, keysAndValues));
        assertThat(thrown).isInstanceOf(SigilConfigurationException.class);
        return (SigilConfigurationException) thrown;
    }

    /** Adds sigil.secret unless the settings give it or a signing key. */
    static MapConfig withSecret(String... keysAndValues) {
        List<String> all = new ArrayList<>(List.of(keysAndValues));
        if (!all.contains("sigil.secret") && !all.contains("sigil.signing.key.location")) {
            all.add("sigil.secret");
            all.add(SECRET);
        }
        return MapConfig.of(all.toArray(String[]::new));
    }

    static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
