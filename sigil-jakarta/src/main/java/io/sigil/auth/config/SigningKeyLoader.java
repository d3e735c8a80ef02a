package io.sigil.auth.config;

import static io.sigil.auth.config.SigilConfigLoader.get;

import io.sigil.auth.token.JwkThumbprint;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.KeyMaterial;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.internal.KeyLocation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@code sigil.signing.key.location}, {@code .id} and {@code .algorithm} into a
 * {@link SigningKeySource}: a key file is re-read when it changes, a class path resource is read
 * once, and {@code https:} is refused. Stateless.
 */
final class SigningKeyLoader {

    private SigningKeyLoader() {
    }

    /**
     * @param config  the configuration
     * @param sources how locations are opened
     * @return the signing key's source, or {@code null} when {@code sigil.signing.key.location} is unset
     * @throws SigilConfigurationException if the key is missing, unreadable, weak or ambiguous
     */
    static SigningKeySource load(Config config, KeySources sources) {
        String setting = SigilConfigLoader.SIGNING_KEY_LOCATION;
        Optional<String> location = get(config, setting, String.class).map(String::trim);
        Optional<String> keyId = get(config, SigilConfigLoader.SIGNING_KEY_ID, String.class).map(String::trim);
        Optional<JwsAlgorithm> algorithm = SigilKeysLoader.algorithm(config, SigilConfigLoader.SIGNING_KEY_ALGORITHM);
        if (location.isEmpty()) {
            if (keyId.isPresent() || algorithm.isPresent()) {
                throw new SigilConfigurationException(SigilConfigLoader.SIGNING_KEY_ID + " and "
                        + SigilConfigLoader.SIGNING_KEY_ALGORITHM + " need " + setting);
            }
            return null;
        }
        if (location.get().startsWith("https:")) {
            throw new SigilConfigurationException(setting
                    + " must be a file or classpath location: a private key is never fetched over the network");
        }
        Optional<Path> file = KeySources.filePath(location.get(), setting);
        if (file.isEmpty()) {
            String resource = location.get().contains(":") ? location.get() : "classpath:" + location.get();
            return SigningKeySource.fixed(SigilConfigurationException.naming(setting, () -> signingKey(
                    KeyLocation.read(resource, sources.classLoader(), KeyLocation.DEFAULT_TIMEOUT), algorithm, keyId,
                    sources.rsaMinBits())));
        }
        AtomicReference<ReloadingFile<SigningKey>> self = new AtomicReference<>();
        ReloadingFile<SigningKey> reloading = new ReloadingFile<>(file.get(), setting, text -> {
            SigningKey next = signingKey(text, algorithm, keyId, sources.rsaMinBits());
            ReloadingFile<SigningKey> current = self.get();
            SigningKeySource.checkNewKid(current == null ? null : current.last(), next, setting);
            return next;
        }, key -> "signing " + key.algorithm() + " kid=" + key.keyId(), sources.reloads(), true);
        self.set(reloading);
        return SigningKeySource.reloading(reloading);
    }

    /**
     * Parses a private key. Without a kid from {@code sigil.signing.key.id} or the JWK, the kid is
     * the key's RFC 7638 thumbprint, so that a new key always comes with a new kid.
     */
    private static SigningKey signingKey(String text, Optional<JwsAlgorithm> algorithm, Optional<String> keyId,
                                         int rsaMinBits) {
        String setting = SigilConfigLoader.SIGNING_KEY_LOCATION;
        SigningKey key = KeyMaterial.signingKey(text, algorithm.orElse(null), keyId.orElse(null), rsaMinBits);
        if (key.algorithm().isSymmetric()) {
            throw new SigilConfigurationException(setting
                    + " must hold a private key; an HMAC secret belongs in " + SigilConfigLoader.SECRET);
        }
        if (keyId.isPresent() && !keyId.get().equals(key.keyId())) {
            throw new SigilConfigurationException(SigilConfigLoader.SIGNING_KEY_ID + " differs from the kid of the JWK in "
                    + setting + ": give the kid in one place");
        }
        if (algorithm.isPresent() && algorithm.get() != key.algorithm()) {
            throw new SigilConfigurationException(SigilConfigLoader.SIGNING_KEY_ALGORITHM
                    + " differs from the alg of the JWK in " + setting);
        }
        if (key.keyId() != null) {
            return key;
        }
        String thumbprint = JwkThumbprint.of(key.verificationKey());
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            return KeyMaterial.signingKey(text, algorithm.orElse(null), thumbprint, rsaMinBits);
        }
        JsonObject jwk;
        try (JsonReader reader = Json.createReader(new StringReader(trimmed))) {
            jwk = reader.readObject();
        } catch (RuntimeException e) {
            throw new SigilConfigurationException(setting + " holds no readable JWK");
        }
        return KeyMaterial.signingKey(Json.createObjectBuilder(jwk).add("kid", thumbprint).build().toString(),
                algorithm.orElse(null), null, rsaMinBits);
    }
}
