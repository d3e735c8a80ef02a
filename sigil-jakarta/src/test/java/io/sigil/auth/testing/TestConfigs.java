package io.sigil.auth.testing;

import io.sigil.auth.config.MapConfig;
import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.config.SigilConfigLoader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Sigil configurations for tests, read by the real {@link SigilConfigLoader} from a {@link MapConfig}. Stateless. */
public final class TestConfigs {

    /** A fixed 32-byte HS256 secret as {@code sigil.secret} takes it (base64url). */
    public static final String SECRET = secret(1);

    private TestConfigs() {
    }

    /**
     * @param keysAndValues settings besides {@code sigil.secret}: key, value, key, value, ...;
     *                      they may override the secret
     * @return the validated configuration
     */
    public static SigilConfig sigil(String... keysAndValues) {
        List<String> all = new ArrayList<>(List.of(SigilConfigLoader.SECRET, SECRET));
        all.addAll(List.of(keysAndValues));
        return SigilConfigLoader.load(MapConfig.of(all.toArray(String[]::new)));
    }

    /** @return another fixed 32-byte secret, base64url, different for each seed */
    public static String secret(int seed) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
