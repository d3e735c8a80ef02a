package io.sigil.auth.config;

import static io.sigil.auth.config.SigilConfigLoader.duration;
import static io.sigil.auth.config.SigilConfigLoader.get;

import io.sigil.auth.token.HmacKey;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.KeyLocation;
import io.sigil.auth.token.KeyMaterial;
import io.sigil.auth.token.KeyResolver;
import io.sigil.auth.token.KeyRing;
import io.sigil.auth.token.RemoteJwkSet;
import io.sigil.auth.token.SigilConfigurationException;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.VerificationKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the deployment's keys into one {@link SigilKeys} ring. Stateless; every failure is a
 * {@link SigilConfigurationException} naming the key, never echoing key material.
 *
 * <p>A location ({@code mp.jwt.verify.publickey.location}, {@code sigil.verify.keys.location},
 * {@code sigil.signing.key.location}) is a file path (one that names no file is looked up on the
 * deployment's class path, as MicroProfile JWT does), a {@code file:} URL, a {@code classpath:}
 * resource of the deployment or, for verification keys, an {@code https:} URL (a JWK Set fetched
 * and cached by {@link RemoteJwkSet}). Verification key files are re-read when
 * they change ({@link ReloadingKeyFile}); the signing key is read once.
 */
final class SigilKeysLoader {

    private static final Logger LOG = Logger.getLogger(SigilKeysLoader.class.getName());

    private SigilKeysLoader() {
    }

    /**
     * @param config      the configuration
     * @param demo        whether demo mode may generate a secret
     * @param classLoader the deployment's class loader, for {@code classpath:} locations
     * @param clock       the time source of the reloading and remote sources
     * @return the keys
     * @throws SigilConfigurationException if a key is missing, unreadable, weak or ambiguous
     */
    static SigilKeys load(Config config, boolean demo, ClassLoader classLoader, Clock clock) {
        int rsaMinBits = rsaMinBits(config);
        Duration reload = bounded(config, SigilConfigLoader.KEYS_RELOAD_INTERVAL, Duration.ofSeconds(30),
                Duration.ZERO, Duration.ofDays(1));
        Duration remoteRefresh = bounded(config, SigilConfigLoader.REMOTE_KEYS_REFRESH_INTERVAL,
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofDays(1));
        Duration remoteMaxAge = bounded(config, SigilConfigLoader.REMOTE_KEYS_MAX_AGE, Duration.ofMinutes(15),
                remoteRefresh, Duration.ofDays(7));
        Sources sources = new Sources(classLoader, clock, reload, remoteRefresh, remoteMaxAge, rsaMinBits);

        SigningKey signingKey = signingKey(config, sources);
        Optional<HmacKey> secret = secret(config, demo, signingKey != null);
        List<VerificationKey> fixed = new ArrayList<>();
        if (signingKey == null) {
            signingKey = secret.orElseThrow();
        } else {
            secret.ifPresent(fixed::add);
        }

        JwsAlgorithm outsideAlgorithm = algorithm(config, SigilConfigLoader.PUBLICKEY_ALGORITHM).orElse(null);
        Optional<String> inline = get(config, SigilConfigLoader.PUBLICKEY, String.class);
        Optional<String> outsideLocation = get(config, SigilConfigLoader.PUBLICKEY_LOCATION, String.class)
                .map(String::trim);
        if (inline.isPresent() && outsideLocation.isPresent()) {
            throw new SigilConfigurationException("set either " + SigilConfigLoader.PUBLICKEY + " or "
                    + SigilConfigLoader.PUBLICKEY_LOCATION + ", not both");
        }
        inline.ifPresent(text -> fixed.addAll(publicOnly(KeyMaterial.verificationKeys(text, outsideAlgorithm, null,
                rsaMinBits, SigilConfigLoader.PUBLICKEY), SigilConfigLoader.PUBLICKEY)));
        KeyRing fixedRing = KeyRing.of(signingKey, fixed);

        List<KeyResolver> resolvers = new ArrayList<>(List.of(fixedRing));
        List<Supplier<List<VerificationKey>>> own = new ArrayList<>();
        Map<String, String> kidOrigins = new HashMap<>();
        fixedRing.keys().forEach(key -> claimKid(kidOrigins, key, "the signing key or " + SigilConfigLoader.PUBLICKEY));
        get(config, SigilConfigLoader.VERIFY_KEYS_LOCATION, String.class).map(String::trim).ifPresent(location -> {
            Source source = sources.open(location, SigilConfigLoader.VERIFY_KEYS_LOCATION, null);
            source.initial().forEach(key -> claimKid(kidOrigins, key, SigilConfigLoader.VERIFY_KEYS_LOCATION));
            resolvers.add(source.resolver());
            own.add(source.current());
        });
        outsideLocation.ifPresent(location -> {
            Source source = sources.open(location, SigilConfigLoader.PUBLICKEY_LOCATION, outsideAlgorithm);
            source.initial().forEach(key -> claimKid(kidOrigins, key, SigilConfigLoader.PUBLICKEY_LOCATION));
            resolvers.add(source.resolver());
        });
        // Remote sets answer last, so that they are fetched only for a kid no local key has.
        resolvers.sort((a, b) -> Boolean.compare(a instanceof RemoteJwkSet, b instanceof RemoteJwkSet));

        String description = "signing " + signingKey.algorithm()
                + (signingKey.keyId() == null ? "" : " kid=" + signingKey.keyId())
                + ", verifying " + SigilKeys.describe(fixedRing.keys()) + " and " + (resolvers.size() - 1)
                + " key locations";
        return new SigilKeys(signingKey, KeyResolver.firstOf(resolvers.toArray(KeyResolver[]::new)), own,
                description);
    }

    /** A secret in a public-key setting is a mistake (and would be shared with the outside issuer). */
    static List<VerificationKey> publicOnly(List<VerificationKey> keys, String setting) {
        if (keys.stream().anyMatch(key -> key.algorithm().isSymmetric())) {
            throw new SigilConfigurationException(setting + " holds a secret (oct) key: it takes public keys only; "
                    + "a secret belongs in " + SigilConfigLoader.SECRET + " or " + SigilConfigLoader.VERIFY_KEYS_LOCATION);
        }
        return keys;
    }

    private static boolean isFile(String location) {
        try {
            return Files.isRegularFile(Paths.get(location));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static void claimKid(Map<String, String> origins, VerificationKey key, String origin) {
        if (key.keyId() == null) {
            return;
        }
        String earlier = origins.putIfAbsent(key.keyId(), origin);
        if (earlier != null && !earlier.equals(origin)) {
            throw new SigilConfigurationException("the kid '" + key.keyId() + "' is used by " + earlier + " and by "
                    + origin + ": a kid must name one key");
        }
    }

    private static SigningKey signingKey(Config config, Sources sources) {
        Optional<String> location = get(config, SigilConfigLoader.SIGNING_KEY_LOCATION, String.class).map(String::trim);
        Optional<String> keyId = get(config, SigilConfigLoader.SIGNING_KEY_ID, String.class).map(String::trim);
        Optional<JwsAlgorithm> algorithm = algorithm(config, SigilConfigLoader.SIGNING_KEY_ALGORITHM);
        if (location.isEmpty()) {
            if (keyId.isPresent() || algorithm.isPresent()) {
                throw new SigilConfigurationException(SigilConfigLoader.SIGNING_KEY_ID + " and "
                        + SigilConfigLoader.SIGNING_KEY_ALGORITHM + " need " + SigilConfigLoader.SIGNING_KEY_LOCATION);
            }
            return null;
        }
        if (location.get().startsWith("https:")) {
            throw new SigilConfigurationException(SigilConfigLoader.SIGNING_KEY_LOCATION
                    + " must be a file or classpath location: a private key is never fetched over the network");
        }
        String resource = location.get().contains(":") || isFile(location.get())
                ? location.get() : "classpath:" + location.get();
        String text = KeyLocation.read(resource, sources.classLoader(), KeyLocation.DEFAULT_TIMEOUT,
                SigilConfigLoader.SIGNING_KEY_LOCATION);
        SigningKey key = KeyMaterial.signingKey(text, algorithm.orElse(null), keyId.orElse(null),
                sources.rsaMinBits(), SigilConfigLoader.SIGNING_KEY_LOCATION);
        if (keyId.isPresent() && !keyId.get().equals(key.keyId())) {
            throw new SigilConfigurationException(SigilConfigLoader.SIGNING_KEY_ID + " differs from the kid of the JWK in "
                    + SigilConfigLoader.SIGNING_KEY_LOCATION + ": give the kid in one place");
        }
        if (algorithm.isPresent() && algorithm.get() != key.algorithm()) {
            throw new SigilConfigurationException(SigilConfigLoader.SIGNING_KEY_ALGORITHM
                    + " differs from the alg of the JWK in " + SigilConfigLoader.SIGNING_KEY_LOCATION);
        }
        if (key.algorithm().isSymmetric()) {
            throw new SigilConfigurationException(SigilConfigLoader.SIGNING_KEY_LOCATION
                    + " must hold a private key; an HMAC secret belongs in " + SigilConfigLoader.SECRET);
        }
        return key;
    }

    /**
     * The HS256 secret: required when there is no signing key, unless demo mode generates one;
     * optional beside a signing key, where it keeps verifying the HS256 tokens issued before.
     */
    private static Optional<HmacKey> secret(Config config, boolean demo, boolean haveSigningKey) {
        Optional<String> value = get(config, SigilConfigLoader.SECRET, String.class).map(String::trim);
        if (value.isEmpty()) {
            if (haveSigningKey) {
                return Optional.empty();
            }
            if (!demo) {
                throw new SigilConfigurationException(SigilConfigLoader.SECRET + " is not set (environment variable "
                        + "SIGIL_SECRET): give a base64url secret of at least 32 bytes, or a private key in "
                        + SigilConfigLoader.SIGNING_KEY_LOCATION + ", or set " + SigilConfigLoader.DEMO
                        + "=true to try Sigil with a generated secret");
            }
            LOG.warning(SigilConfigLoader.SECRET + " is not set: demo mode generated a random secret. Tokens will"
                    + " not survive a restart and will not be accepted by other nodes.");
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            return Optional.of(HmacKey.hs256(null, generated, SigilConfigLoader.SECRET));
        }
        String text = value.get();
        while (text.endsWith("=")) {
            text = text.substring(0, text.length() - 1);
        }
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SigilConfigurationException(SigilConfigLoader.SECRET + " is not valid base64url");
        }
        return Optional.of(HmacKey.hs256(null, secret, SigilConfigLoader.SECRET));
    }

    private static int rsaMinBits(Config config) {
        int bits = get(config, SigilConfigLoader.RSA_MIN_BITS, Integer.class).orElse(JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS);
        if (bits < JwsAlgorithm.ABSOLUTE_MINIMUM_RSA_BITS || bits > 16384) {
            throw new SigilConfigurationException(SigilConfigLoader.RSA_MIN_BITS + " must be between "
                    + JwsAlgorithm.ABSOLUTE_MINIMUM_RSA_BITS + " and 16384");
        }
        if (bits < JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS) {
            LOG.warning(SigilConfigLoader.RSA_MIN_BITS + "=" + bits + " accepts RSA keys below "
                    + JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS + " bits, which can be factored; use it only for tests");
        }
        return bits;
    }

    private static Optional<JwsAlgorithm> algorithm(Config config, String key) {
        Optional<String> name = get(config, key, String.class).map(String::trim);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<JwsAlgorithm> algorithm = JwsAlgorithm.fromJoseName(name.get());
        if (algorithm.isEmpty() || algorithm.get().isSymmetric()) {
            throw new SigilConfigurationException(key + " must be an asymmetric JWS algorithm: RS256, RS384, RS512, "
                    + "PS256, PS384, PS512, ES256, ES384, ES512 or EdDSA");
        }
        return algorithm;
    }

    private static Duration bounded(Config config, String key, Duration defaultValue, Duration min, Duration max) {
        Duration value = duration(config, key, defaultValue);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new SigilConfigurationException(key + " must be between " + min + " and " + max);
        }
        return value;
    }

    /**
     * One configured location of verification keys.
     *
     * @param initial  its keys at deployment (empty for a remote set, fetched on first use)
     * @param resolver answers with its current keys
     * @param current  its current keys
     */
    private record Source(List<VerificationKey> initial, KeyResolver resolver,
                          Supplier<List<VerificationKey>> current) {
    }

    /** How locations are opened; one per load. */
    private record Sources(ClassLoader classLoader, Clock clock, Duration reload, Duration remoteRefresh,
                           Duration remoteMaxAge, int rsaMinBits) {

        Source open(String location, String setting, JwsAlgorithm defaultAlgorithm) {
            if (location.startsWith("https:")) {
                URI uri;
                try {
                    uri = new URI(location);
                } catch (URISyntaxException e) {
                    throw new SigilConfigurationException(setting + " is not a valid https URL");
                }
                RemoteJwkSet remote = RemoteJwkSet.https(uri, KeyLocation.DEFAULT_TIMEOUT, defaultAlgorithm, rsaMinBits,
                        remoteRefresh, remoteMaxAge, clock);
                return new Source(List.of(), remote, remote::keys);
            }
            Optional<Path> file = filePath(location, setting);
            if (file.isPresent()) {
                ReloadingKeyFile reloading = ReloadingKeyFile.open(file.get(), setting, text -> parse(text, setting, defaultAlgorithm),
                        reload, clock);
                return new Source(reloading.keys(), reloading, reloading::keys);
            }
            // classpath:, or (as MicroProfile JWT resolves it) a relative path that is no file.
            String resource = location.contains(":") ? location : "classpath:" + location;
            KeyRing ring = KeyRing.of(null, parse(KeyLocation.read(resource, classLoader, KeyLocation.DEFAULT_TIMEOUT,
                    setting), setting, defaultAlgorithm));
            return new Source(ring.keys(), ring, ring::keys);
        }

        private List<VerificationKey> parse(String text, String setting, JwsAlgorithm defaultAlgorithm) {
            List<VerificationKey> keys = KeyMaterial.verificationKeys(text, defaultAlgorithm, null,
                    rsaMinBits, setting);
            return setting.equals(SigilConfigLoader.PUBLICKEY_LOCATION) ? publicOnly(keys, setting) : keys;
        }

        /**
         * @return the file a location names: a {@code file:} URL, or a path (without a scheme) of a
         *         file that exists; empty for {@code classpath:}, refused schemes, and a path that is no
         *         file (MicroProfile JWT then looks for it on the class path)
         */
        private static Optional<Path> filePath(String location, String setting) {
            if (location.startsWith("file:")) {
                try {
                    return Optional.of(Paths.get(new URI(location)));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new SigilConfigurationException(setting + " is not a valid file: URL");
                }
            }
            if (location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") && !location.matches("^[A-Za-z]:[\\\\/].*")) {
                return Optional.empty(); // classpath:, or a scheme KeyLocation refuses with a message
            }
            return isFile(location) ? Optional.of(Paths.get(location)) : Optional.empty();
        }
    }
}
