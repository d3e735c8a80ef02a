package io.sigil.auth.config;

import static io.sigil.auth.config.SigilConfigLoader.get;

import io.sigil.auth.token.DecryptionKey;
import io.sigil.auth.token.DecryptionKeys;
import io.sigil.auth.token.JweAlgorithm;
import io.sigil.auth.token.internal.KeyLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@code mp.jwt.decrypt.key.location} and {@code mp.jwt.decrypt.key.algorithm} (MicroProfile
 * JWT 2.1) into the keys that decrypt encrypted tokens. The location is a file path, a
 * {@code file:} URL, or a class path resource (a path that names no file is looked up on the
 * class path, as for the other key locations); {@code http:} and {@code https:} are refused, since a
 * private key is never fetched over the network. The key is read once, at deployment. Without
 * {@code mp.jwt.decrypt.key.algorithm}, both RSA-OAEP and RSA-OAEP-256 are accepted, as the
 * specification requires. Stateless.
 */
final class DecryptionKeyLoader {

    private DecryptionKeyLoader() {
    }

    /**
     * @param config      the configuration
     * @param classLoader the deployment's class loader, for class path locations
     * @return the keys; empty when {@code mp.jwt.decrypt.key.location} is unset
     * @throws SigilConfigurationException naming the setting if the key is unreadable, not a private
     *                                     RSA key of 2048 bits or more, or the algorithm is unknown
     */
    static List<DecryptionKey> load(Config config, ClassLoader classLoader) {
        String setting = SigilConfigLoader.DECRYPT_KEY_LOCATION;
        Set<JweAlgorithm> algorithms = algorithms(config);
        Optional<String> location = get(config, setting, String.class).map(String::trim).filter(s -> !s.isEmpty());
        if (location.isEmpty()) {
            return List.of();
        }
        if (location.get().startsWith("https:") || location.get().startsWith("http:")) {
            throw new SigilConfigurationException(setting
                    + " must be a file or classpath location: a private key is never fetched over the network");
        }
        Optional<Path> file = KeySources.filePath(location.get(), setting);
        String text;
        if (file.isPresent()) {
            try {
                if (Files.size(file.get()) > KeyLocation.MAX_BYTES) {
                    throw new SigilConfigurationException(setting + ": the file is larger than "
                            + KeyLocation.MAX_BYTES + " bytes");
                }
                text = Files.readString(file.get(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SigilConfigurationException(setting + ": cannot read " + file.get(), e);
            }
        } else {
            String resource = location.get().contains(":") ? location.get() : "classpath:" + location.get();
            text = SigilConfigurationException.naming(setting,
                    () -> KeyLocation.read(resource, classLoader, KeyLocation.DEFAULT_TIMEOUT));
        }
        String keyText = text;
        return SigilConfigurationException.naming(setting, () -> DecryptionKeys.read(keyText, algorithms, null));
    }

    private static Set<JweAlgorithm> algorithms(Config config) {
        String setting = SigilConfigLoader.DECRYPT_KEY_ALGORITHM;
        Optional<String> name = get(config, setting, String.class).map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return EnumSet.allOf(JweAlgorithm.class);
        }
        return EnumSet.of(JweAlgorithm.fromJoseName(name.get()).orElseThrow(() ->
                new SigilConfigurationException(setting + " must be RSA-OAEP or RSA-OAEP-256")));
    }
}
