package io.sigil.auth.token;

import io.sigil.auth.token.internal.KeyChecks;
import io.sigil.auth.token.internal.KeyLocation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link KeyResolver} over a JWK Set (or a PEM public key) fetched from a URL, usually an
 * outside issuer's {@code jwks_uri}. The set is fetched on first use and cached; it is fetched again when a token
 * names a {@code kid} the cached set lacks, or when the cached set is older than
 * {@code maxAge}, but never more than once per {@code minRefreshInterval}, so a flood of unknown
 * kids costs at most one fetch per interval. While one thread fetches, the others use the cached
 * set rather than wait. A failed or malformed fetch keeps the last good set (and is logged at
 * WARNING without key material); nothing is ever thrown to the verifier. Secret ({@code oct})
 * keys in a fetched set are dropped with a WARNING naming their {@code kid}s: a secret is never
 * taken from a URL. A set in which an RSA, EC or OKP key carries private members, or whose key
 * metadata contradicts itself, or that holds a weak key, is refused as a whole like a malformed
 * one. Thread-safe.
 */
public final class RemoteJwkSet implements KeyResolver {

    private static final Logger LOG = Logger.getLogger(RemoteJwkSet.class.getName());

    /** Fetches the JWK Set's bytes; tests pass a function, servers {@link #https}. */
    @FunctionalInterface
    public interface Fetcher {
        /**
         * @return the JWK Set bytes
         * @throws IOException if the set cannot be had now
         */
        byte[] fetch() throws IOException;
    }

    private final Fetcher fetcher;
    private final String source;
    private final JwsAlgorithm defaultAlgorithm;
    private final int minimumRsaBits;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();

    private volatile KeyRing keys = KeyRing.of();
    private volatile Instant lastAttempt;
    private volatile Instant lastSuccess;

    /**
     * @param fetcher            fetches the set's bytes
     * @param source             what to name the set in logs (its URL, say)
     * @param defaultAlgorithm   the algorithm for JWKs without {@code alg}, or {@code null}
     * @param minimumRsaBits     the smallest RSA modulus accepted
     * @param minRefreshInterval the least time between two fetches, positive
     * @param maxAge             how long a fetched set is used before it is fetched again; at least
     *                           {@code minRefreshInterval}
     * @param clock              the time source
     * @throws IllegalArgumentException if an interval is out of range
     */
    public RemoteJwkSet(Fetcher fetcher, String source, JwsAlgorithm defaultAlgorithm, int minimumRsaBits,
                        Duration minRefreshInterval, Duration maxAge, Clock clock) {
        KeyChecks.checkMinimumRsaBits(minimumRsaBits);
        if (minRefreshInterval.isNegative() || minRefreshInterval.isZero() || maxAge.compareTo(minRefreshInterval) < 0) {
            throw new IllegalArgumentException("the refresh interval must be positive and not "
                    + "longer than the maximum age");
        }
        this.fetcher = fetcher;
        this.source = source;
        this.defaultAlgorithm = defaultAlgorithm;
        this.minimumRsaBits = minimumRsaBits;
        this.minRefreshInterval = minRefreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * A set at an {@code https:} URL, fetched with {@link KeyLocation#fetchHttps}.
     *
     * @see #RemoteJwkSet
     */
    public static RemoteJwkSet https(URI uri, Duration timeout, JwsAlgorithm defaultAlgorithm, int minimumRsaBits,
                                     Duration minRefreshInterval, Duration maxAge, Clock clock) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidKeyMaterialException("a remote JWK Set must be an https URL");
        }
        return new RemoteJwkSet(() -> KeyLocation.fetchHttps(uri, timeout), uri.toString(), defaultAlgorithm,
                minimumRsaBits, minRefreshInterval, maxAge, clock);
    }

    /**
     * Keys at a plain {@code http:} URL (no TLS: whoever sits on the path can swap the keys). Only
     * for a configuration that names this opt-out, such as a test server that publishes its own
     * keys; fetched on first use like any remote set.
     *
     * @see #RemoteJwkSet
     * @throws InvalidKeyMaterialException if the URL is not {@code http:}
     */
    public static RemoteJwkSet plainHttp(URI uri, Duration timeout, JwsAlgorithm defaultAlgorithm, int minimumRsaBits,
                                         Duration minRefreshInterval, Duration maxAge, Clock clock) {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidKeyMaterialException("a plain remote key location must be an http URL");
        }
        return new RemoteJwkSet(() -> KeyLocation.fetch(uri, timeout, true), uri.toString(), defaultAlgorithm,
                minimumRsaBits, minRefreshInterval, maxAge, clock);
    }

    @Override
    public Optional<VerificationKey> byKeyId(String keyId) {
        refreshIf(lastSuccess == null || isStale());
        Optional<VerificationKey> key = keys.byKeyId(keyId);
        if (key.isEmpty() && refreshIf(true)) {
            key = keys.byKeyId(keyId);
        }
        return key;
    }

    @Override
    public List<VerificationKey> withoutKeyId(JwsAlgorithm algorithm) {
        refreshIf(lastSuccess == null || isStale());
        return keys.withoutKeyId(algorithm);
    }

    /** @return the keys of the last good set (empty before the first) */
    public List<VerificationKey> keys() {
        return keys.keys();
    }

    /**
     * The keys as a key lookup sees them: the set is fetched first if there is none yet or it is
     * older than the maximum age (at most once per refresh interval, by one thread, as for a
     * lookup). For callers that skip the lookup for a token they verified before, so that the set
     * still ages out on time.
     *
     * @return the keys of the last good set; the same list object until a fetch replaces the set
     */
    public List<VerificationKey> currentKeys() {
        refreshIf(lastSuccess == null || isStale());
        return keys.keys();
    }

    private boolean isStale() {
        return lastSuccess != null && !clock.instant().isBefore(lastSuccess.plus(maxAge));
    }

    /** @return whether a fetch succeeded just now */
    private boolean refreshIf(boolean wanted) {
        if (!wanted || !mayFetch() || !fetching.tryLock()) {
            return false;
        }
        try {
            if (!mayFetch()) {
                return false;
            }
            lastAttempt = clock.instant();
            byte[] bytes = fetcher.fetch();
            List<String> droppedSecrets = new ArrayList<>();
            String text = new String(bytes, StandardCharsets.UTF_8);
            // A PEM public key (as MicroProfile JWT allows at a key location) or a JWK (Set).
            List<VerificationKey> fetched = PemKeys.looksLikePem(text.strip())
                    ? KeyMaterial.verificationKeys(text, defaultAlgorithm, null, minimumRsaBits)
                    : Jwk.verificationKeys(text, defaultAlgorithm, minimumRsaBits, droppedSecrets::add);
            if (!droppedSecrets.isEmpty()) {
                LOG.log(Level.WARNING, "Sigil: the JWK Set {0} publishes {1} secret (oct) key(s), kid {2}: a secret "
                        + "is never taken from a URL, they are ignored (and should not be published at all)",
                        new Object[] {source, droppedSecrets.size(), droppedSecrets});
            }
            keys = KeyRing.of(fetched.toArray(VerificationKey[]::new));
            lastSuccess = lastAttempt;
            return true;
        } catch (InvalidKeyMaterialException e) {
            // The reason never holds key material.
            LOG.log(Level.WARNING, "Sigil: the fetched JWK Set {0} is refused ({1}); keeping the last good set",
                    new Object[] {source, e.reason()});
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Sigil: fetching the JWK Set {0} failed ({1}); keeping the last good set",
                    new Object[] {source, e.getClass().getSimpleName()});
            return false;
        } finally {
            fetching.unlock();
        }
    }

    private boolean mayFetch() {
        Instant attempt = lastAttempt;
        return attempt == null || !clock.instant().isBefore(attempt.plus(minRefreshInterval));
    }

    @Override
    public String toString() {
        return "RemoteJwkSet[" + source + "]";
    }
}
