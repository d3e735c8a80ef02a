package io.sigil.auth.config;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.KeyMaterial;
import io.sigil.auth.token.KeyResolver;
import io.sigil.auth.token.KeyRing;
import io.sigil.auth.token.RemoteJwkSet;
import io.sigil.auth.token.VerificationKey;
import io.sigil.auth.token.internal.KeyLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How key locations are opened, with the settings of one load: a file becomes a
 * {@link ReloadingKeyFile}, an {@code https:} URL (or, with {@code sigil.remote-keys.allow-http},
 * an {@code http:} one) a {@link RemoteJwkSet} fetched on first use, a class path resource a
 * fixed {@link KeyRing}. Immutable.
 *
 * @param classLoader   the deployment's class loader, for {@code classpath:} locations
 * @param clock         the time source of the reloading and remote sources
 * @param reload        {@code sigil.keys.reload-interval}
 * @param remoteRefresh {@code sigil.remote-keys.refresh-interval}
 * @param remoteMaxAge  {@code sigil.remote-keys.max-age}
 * @param rsaMinBits    {@code sigil.rsa.min-bits}
 * @param allowHttp     {@code sigil.remote-keys.allow-http}: a plain {@code http:} URL is fetched too
 * @param reloads       the one schedule on which every key file of the deployment is looked at again
 */
record KeySources(ClassLoader classLoader, Clock clock, Duration reload, Duration remoteRefresh,
                  Duration remoteMaxAge, int rsaMinBits, boolean allowHttp, ReloadSchedule reloads) {

    /**
     * One configured location of verification keys.
     *
     * @param initial  its keys at deployment (empty for a remote set, fetched on first use)
     * @param resolver answers with its current keys
     * @param current  its current keys
     * @param snapshot the object that stands for its current keys, replaced whole when they change
     *                 (see {@link KeyGeneration}); reading it lets the source look for a change
     */
    record Source(List<VerificationKey> initial, KeyResolver resolver, Supplier<List<VerificationKey>> current,
                  Supplier<?> snapshot) {
    }

    /**
     * @return the same settings with a reload schedule of their own, for key files that must not
     *         be looked at together with (or kept alive by) the deployment's other key files
     */
    KeySources withOwnSchedule() {
        return new KeySources(classLoader, clock, reload, remoteRefresh, remoteMaxAge, rsaMinBits, allowHttp,
                new ReloadSchedule(reload, clock));
    }

    /**
     * @param location         the location as configured
     * @param setting          the setting, named in errors and logs
     * @param defaultAlgorithm the algorithm of keys that do not name one, or {@code null}
     * @return the opened source
     * @throws SigilConfigurationException if the location is malformed, unreadable or holds no key
     */
    Source open(String location, String setting, JwsAlgorithm defaultAlgorithm) {
        if (location.startsWith("https:")) {
            URI uri = uri(location, setting);
            RemoteJwkSet remote = SigilConfigurationException.naming(setting, () -> RemoteJwkSet.https(uri,
                    KeyLocation.DEFAULT_TIMEOUT, defaultAlgorithm, rsaMinBits, remoteRefresh, remoteMaxAge, clock));
            return new Source(List.of(), remote, remote::keys, remote::currentKeys);
        }
        if (location.startsWith("http:")) {
            if (!allowHttp) {
                throw new SigilConfigurationException(setting + " is a plain http: URL: keys are fetched over https: "
                        + "only (" + SigilConfigLoader.REMOTE_KEYS_ALLOW_HTTP + "=true allows http: for tests)");
            }
            URI uri = uri(location, setting);
            RemoteJwkSet remote = SigilConfigurationException.naming(setting, () -> RemoteJwkSet.plainHttp(uri,
                    KeyLocation.DEFAULT_TIMEOUT, defaultAlgorithm, rsaMinBits, remoteRefresh, remoteMaxAge, clock));
            return new Source(List.of(), remote, remote::keys, remote::currentKeys);
        }
        Optional<Path> file = filePath(location, setting);
        if (file.isPresent()) {
            ReloadingKeyFile reloading = ReloadingKeyFile.open(file.get(), setting, text -> parse(text, setting, defaultAlgorithm),
                    reloads);
            return new Source(reloading.keys(), reloading, reloading::keys, reloading::snapshot);
        }
        // classpath:, or (as MicroProfile JWT resolves it) a relative path that is no file.
        String resource = location.contains(":") ? location : "classpath:" + location;
        KeyRing ring = SigilConfigurationException.naming(setting, () -> KeyRing.of(null,
                parse(KeyLocation.read(resource, classLoader, KeyLocation.DEFAULT_TIMEOUT), setting, defaultAlgorithm)));
        return new Source(ring.keys(), ring, ring::keys, () -> ring);
    }

    private static URI uri(String location, String setting) {
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            throw new SigilConfigurationException(setting + " is not a valid URL");
        }
    }

    private List<VerificationKey> parse(String text, String setting, JwsAlgorithm defaultAlgorithm) {
        List<VerificationKey> keys = SigilConfigurationException.naming(setting,
                () -> KeyMaterial.verificationKeys(text, defaultAlgorithm, null, rsaMinBits));
        boolean outside = setting.equals(SigilConfigLoader.PUBLICKEY_LOCATION) || setting.startsWith(TrustedIssuers.PREFIX);
        return outside ? SigilKeysLoader.publicOnly(keys, setting) : keys;
    }

    /**
     * @param location the location as configured
     * @param setting  the setting, named in errors
     * @return the file a location names: a {@code file:} URL, or a path (without a scheme) of a
     *         file that exists; empty for {@code classpath:}, refused schemes, and a path that is no
     *         file (MicroProfile JWT then looks for it on the class path)
     */
    static Optional<Path> filePath(String location, String setting) {
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
        return SigilKeysLoader.isFile(location) ? Optional.of(Paths.get(location)) : Optional.empty();
    }
}
