package io.sigil.auth.config;

import static io.sigil.auth.config.SigilConfigLoader.duration;
import static io.sigil.auth.config.SigilConfigLoader.get;

import io.sigil.auth.token.HmacKey;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.KeyMaterial;
import io.sigil.auth.token.KeyResolver;
import io.sigil.auth.token.KeyRing;
import io.sigil.auth.token.RemoteJwkSet;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.VerificationKey;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * and cached by {@link RemoteJwkSet}). Key files, the signing key's included, are re-read when
 * they change ({@link ReloadingFile}).
 */
final class SigilKeysLoader {

    private static final Logger LOG = Logger.getLogger(SigilKeysLoader.class.getName());

    private SigilKeysLoader() {
    }

    /**
     * @param config      the configuration
     * @param generateSecret        whether a missing secret may be generated ({@code sigil.secret.generate})
     * @param classLoader the deployment's class loader, for {@code classpath:} locations
     * @param clock       the time source of the reloading and remote sources
     * @param mayOnlyVerify whether {@code mp.jwt.verify.publickey*} alone, without a secret or
     *                    signing key, is enough (Sigil then issues no tokens)
     * @return the keys
     * @throws SigilConfigurationException if a key is missing, unreadable, weak or ambiguous
     */
    static SigilKeys load(Config config, boolean generateSecret, ClassLoader classLoader, Clock clock,
                          boolean mayOnlyVerify) {
        int rsaMinBits = rsaMinBits(config);
        Duration reload = keysReloadInterval(config);
        if (get(config, SigilConfigLoader.REMOTE_KEYS_ALLOW_HTTP, Boolean.class).orElse(false)) {
            LOG.warning(SigilConfigLoader.REMOTE_KEYS_ALLOW_HTTP + "=true: verification keys are also fetched from "
                    + "plain http: URLs, which anyone on the network path can replace; use it only for tests");
        }
        ReloadSchedule schedule = new ReloadSchedule(reload, clock);
        KeySources sources = sources(config, classLoader, clock, schedule);

        JwsAlgorithm outsideAlgorithm = algorithm(config, SigilConfigLoader.PUBLICKEY_ALGORITHM).orElse(null);
        Optional<String> inline = get(config, SigilConfigLoader.PUBLICKEY, String.class);
        Optional<String> outsideLocation = get(config, SigilConfigLoader.PUBLICKEY_LOCATION, String.class)
                .map(String::trim);
        if (inline.isPresent() && outsideLocation.isPresent()) {
            throw new SigilConfigurationException("set either " + SigilConfigLoader.PUBLICKEY + " or "
                    + SigilConfigLoader.PUBLICKEY_LOCATION + ", not both");
        }

        SigningKeySource signing = SigningKeyLoader.load(config, sources);
        boolean verifyOnly = mayOnlyVerify && signing == null && (inline.isPresent() || outsideLocation.isPresent());
        Optional<HmacKey> secret = secret(config, generateSecret, signing != null, verifyOnly);
        List<VerificationKey> fixed = new ArrayList<>();
        if (signing == null && secret.isPresent()) {
            signing = SigningKeySource.fixed(secret.get());
        } else {
            secret.ifPresent(fixed::add);
        }
        List<VerificationKey> ownFixed = List.copyOf(fixed);
        inline.ifPresent(text -> fixed.addAll(publicOnly(SigilConfigurationException.naming(SigilConfigLoader.PUBLICKEY,
                () -> KeyMaterial.verificationKeys(text, outsideAlgorithm, null, rsaMinBits)), SigilConfigLoader.PUBLICKEY)));
        KeyRing fixedRing = SigilConfigurationException.naming(SigilConfigLoader.PUBLICKEY, () -> KeyRing.of(null, fixed));

        List<KeyResolver> resolvers = new ArrayList<>();
        List<Supplier<?>> snapshots = new ArrayList<>();
        if (signing != null) {
            resolvers.add(signing);
            snapshots.add(signing::key);
        }
        resolvers.add(fixedRing);
        List<KeyResolver> ownResolvers = new ArrayList<>(resolvers.subList(0, resolvers.size() - 1));
        ownResolvers.add(KeyRing.of(null, ownFixed));
        List<Supplier<List<VerificationKey>>> own = new ArrayList<>();
        List<Supplier<List<VerificationKey>>> counted = new ArrayList<>(List.of(fixedRing::keys));
        Map<String, VerificationKey> kids = new HashMap<>();
        Map<String, String> kidOrigins = new HashMap<>();
        SigningKey signingKey = signing == null ? null : signing.key();
        if (signingKey != null) {
            claimKid(kids, kidOrigins, signingKey.verificationKey(), "the signing key");
        }
        fixedRing.keys().forEach(key -> claimKid(kids, kidOrigins, key, SigilConfigLoader.SECRET + " or "
                + SigilConfigLoader.PUBLICKEY));
        get(config, SigilConfigLoader.VERIFY_KEYS_LOCATION, String.class).map(String::trim).ifPresent(location -> {
            KeySources.Source source = sources.open(location, SigilConfigLoader.VERIFY_KEYS_LOCATION, null);
            source.initial().forEach(key -> claimKid(kids, kidOrigins, key, SigilConfigLoader.VERIFY_KEYS_LOCATION));
            resolvers.add(source.resolver());
            ownResolvers.add(source.resolver());
            own.add(source.current());
            counted.add(source.current());
            snapshots.add(source.snapshot());
        });
        outsideLocation.ifPresent(location -> {
            KeySources.Source source = sources.open(location, SigilConfigLoader.PUBLICKEY_LOCATION, outsideAlgorithm);
            source.initial().forEach(key -> claimKid(kids, kidOrigins, key, SigilConfigLoader.PUBLICKEY_LOCATION));
            resolvers.add(source.resolver());
            counted.add(source.current());
            snapshots.add(source.snapshot());
        });
        // Remote sets answer last, so that they are fetched only for a kid no local key has.
        resolvers.sort((a, b) -> Boolean.compare(a instanceof RemoteJwkSet, b instanceof RemoteJwkSet));

        int locations = resolvers.size() - (signing == null ? 1 : 2);
        String description = (signingKey == null ? "verify-only (no signing key)"
                : "signing " + signingKey.algorithm() + (signingKey.keyId() == null ? "" : " kid=" + signingKey.keyId())
                + ", verifying it")
                + " and " + SigilKeys.describe(fixedRing.keys()) + " and " + locations + " key locations";
        KeyResolver all = KeyResolver.firstOf(resolvers.toArray(KeyResolver[]::new));
        return new SigilKeys(signing, all, own, description, new KeyGeneration(snapshots),
                DecryptionKeyLoader.load(config, classLoader), counted, schedule, plainTokens(config, all, ownResolvers));
    }

    /**
     * The keys a plain signed token may be verified with while decryption keys are set: Sigil's own
     * (they sign the tokens Sigil issues, which are not encrypted); the outside issuer's
     * {@code mp.jwt.verify.publickey*} keys only with the named opt-out, as MicroProfile JWT 2.1
     * accepts only encrypted tokens from them then.
     */
    private static KeyResolver plainTokens(Config config, KeyResolver all, List<KeyResolver> own) {
        if (get(config, SigilConfigLoader.ACCEPT_PLAIN_OUTSIDE_TOKENS, Boolean.class).orElse(false)) {
            if (get(config, SigilConfigLoader.DECRYPT_KEY_LOCATION, String.class).isPresent()) {
                LOG.warning(SigilConfigLoader.ACCEPT_PLAIN_OUTSIDE_TOKENS + "=true: plain signed tokens of "
                        + SigilConfigLoader.PUBLICKEY + "* keys are accepted beside encrypted ones");
            }
            return all;
        }
        return KeyResolver.firstOf(own.toArray(KeyResolver[]::new));
    }

    /**
     * How key locations are opened under this configuration ({@code sigil.keys.reload-interval},
     * {@code sigil.remote-keys.*}, {@code sigil.rsa.min-bits}), with a new reload schedule.
     *
     * @param config      the configuration
     * @param classLoader the deployment's class loader, for {@code classpath:} locations
     * @param clock       the time source of the reloading and remote sources
     * @return the key sources
     * @throws SigilConfigurationException if one of those settings is out of range
     */
    static KeySources sources(Config config, ClassLoader classLoader, Clock clock) {
        Duration reload = keysReloadInterval(config);
        return sources(config, classLoader, clock, new ReloadSchedule(reload, clock));
    }

    /** As {@link #sources(Config, ClassLoader, Clock)}, with the given reload schedule. */
    private static KeySources sources(Config config, ClassLoader classLoader, Clock clock, ReloadSchedule schedule) {
        int rsaMinBits = rsaMinBits(config);
        Duration reload = keysReloadInterval(config);
        Duration remoteRefresh = bounded(config, SigilConfigLoader.REMOTE_KEYS_REFRESH_INTERVAL,
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofDays(1));
        Duration remoteMaxAge = bounded(config, SigilConfigLoader.REMOTE_KEYS_MAX_AGE, Duration.ofMinutes(15),
                remoteRefresh, Duration.ofDays(7));
        boolean allowHttp = get(config, SigilConfigLoader.REMOTE_KEYS_ALLOW_HTTP, Boolean.class).orElse(false);
        return new KeySources(classLoader, clock, reload, remoteRefresh, remoteMaxAge, rsaMinBits, allowHttp,
                schedule);
    }

    /** {@code sigil.keys.reload-interval}: 0 (never) to one day, default 30 s. */
    private static Duration keysReloadInterval(Config config) {
        return bounded(config, SigilConfigLoader.KEYS_RELOAD_INTERVAL, Duration.ofSeconds(30), Duration.ZERO,
                Duration.ofDays(1));
    }

    /** A secret in a public-key setting is a mistake (and would be shared with the outside issuer). */
    static List<VerificationKey> publicOnly(List<VerificationKey> keys, String setting) {
        if (keys.stream().anyMatch(key -> key.algorithm().isSymmetric())) {
            throw new SigilConfigurationException(setting + " holds a secret (oct) key: it takes public keys only; "
                    + "a secret belongs in " + SigilConfigLoader.SECRET + " or " + SigilConfigLoader.VERIFY_KEYS_LOCATION);
        }
        return keys;
    }

    static boolean isFile(String location) {
        try {
            return Files.isRegularFile(Paths.get(location));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Records where a kid comes from; the same kid for two different keys in two settings fails.
     * The same key in two settings is fine: during a rotation the verification file holds the
     * signing key's public key before and after the switch.
     */
    private static void claimKid(Map<String, VerificationKey> keys, Map<String, String> origins, VerificationKey key,
                                 String origin) {
        if (key.keyId() == null) {
            return;
        }
        VerificationKey earlier = keys.putIfAbsent(key.keyId(), key);
        if (earlier != null && !SigilKeys.sameKey(earlier, key)) {
            throw new SigilConfigurationException("the kid '" + key.keyId() + "' names different keys in "
                    + origins.get(key.keyId()) + " and " + origin + ": a kid must name one key");
        }
        origins.putIfAbsent(key.keyId(), origin);
    }

    /**
     * The HS256 secret: required when there is no signing key, unless {@code sigil.secret.generate}
     * allows a generated one; optional beside a signing key, where it keeps verifying the HS256
     * tokens issued before. An MP-JWT application ({@code verifyOnly}: allowed, and
     * {@code mp.jwt.verify.publickey*} set) needs none: Sigil then only verifies.
     */
    private static Optional<HmacKey> secret(Config config, boolean generateSecret, boolean haveSigningKey,
                                            boolean verifyOnly) {
        Optional<String> value = get(config, SigilConfigLoader.SECRET, String.class).map(String::trim);
        if (value.isEmpty()) {
            if (haveSigningKey) {
                return Optional.empty();
            }
            if (verifyOnly && !generateSecret) {
                LOG.info("neither " + SigilConfigLoader.SECRET + " nor " + SigilConfigLoader.SIGNING_KEY_LOCATION
                        + " is set: Sigil verifies tokens with " + SigilConfigLoader.PUBLICKEY + "* and issues none");
                return Optional.empty();
            }
            if (!generateSecret) {
                throw new SigilConfigurationException(SigilConfigLoader.SECRET + " is not set (environment variable "
                        + "SIGIL_SECRET): give a base64url secret of at least 32 bytes, or a private key in "
                        + SigilConfigLoader.SIGNING_KEY_LOCATION + " (an application turned on by "
                        + "@LoginConfig(authMethod = \"MP-JWT\") alone may instead only verify tokens issued elsewhere, "
                        + "with " + SigilConfigLoader.PUBLICKEY + " or " + SigilConfigLoader.PUBLICKEY_LOCATION + "); or set "
                        + SigilConfigLoader.GENERATE_SECRET + "=true to try Sigil with a generated secret "
                        + "(development only)");
            }
            LOG.warning(SigilConfigLoader.SECRET + " is not set: " + SigilConfigLoader.GENERATE_SECRET
                    + "=true generated a random secret (development only). Tokens will"
                    + " not survive a restart and will not be accepted by other nodes.");
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            return Optional.of(SigilConfigurationException.naming(SigilConfigLoader.SECRET,
                    () -> HmacKey.hs256(null, generated)));
        }
        byte[] secret = SigilConfigLoader.decodeSecret(value.get());
        return Optional.of(SigilConfigurationException.naming(SigilConfigLoader.SECRET,
                () -> HmacKey.hs256(null, secret)));
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

    static Optional<JwsAlgorithm> algorithm(Config config, String key) {
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
}
