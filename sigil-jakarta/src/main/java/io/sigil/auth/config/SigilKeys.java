package io.sigil.auth.config;

import io.sigil.auth.token.DecryptionKey;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.JweDecryptor;
import io.sigil.auth.token.KeyResolver;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The deployment's keys, as one ring: the key Sigil signs its tokens with, and every key a
 * presented token may be verified with, each bound to its own algorithm. Built by
 * {@link SigilKeysLoader} from {@code sigil.secret}, {@code sigil.signing.key.*},
 * {@code sigil.verify.keys.location} and the {@code mp.jwt.verify.publickey*} keys; and the keys
 * that decrypt encrypted tokens ({@code mp.jwt.decrypt.key.*}), if any.
 *
 * <p>Some sources change while the application runs (a key file re-read when it changes, a
 * remote JWK Set); {@link #resolver()} and {@link #publishedKeys()} always answer with their
 * current keys. Thread-safe.
 */
public final class SigilKeys {

    private static final byte[] PROBE = "e30.e30".getBytes(StandardCharsets.US_ASCII);

    private final SigningKeySource signing;
    private final KeyResolver resolver;
    private final List<Supplier<List<VerificationKey>>> ownKeys;
    private final String description;
    private final KeyGeneration generation;
    private final List<DecryptionKey> decryptionKeys;
    private final KeyResolver plainResolver;
    private final List<Supplier<List<VerificationKey>>> verificationSources;
    private final ReloadSchedule reloads;

    /**
     * Keys whose sources never change (see the other constructor).
     */
    SigilKeys(SigningKeySource signing, KeyResolver resolver, List<Supplier<List<VerificationKey>>> ownKeys,
              String description) {
        this(signing, resolver, ownKeys, description, KeyGeneration.fixed());
    }

    /**
     * @param signing     the key issued tokens are signed with; {@code null} when Sigil only verifies
     * @param resolver    every verification key, in order of precedence
     * @param ownKeys     the current keys of {@code sigil.verify.keys.location}, published beside
     *                    the signing key
     * @param description what to log at deployment; names settings and kids, never key material
     * @param generation  follows the sources of {@code resolver} that change at run time
     */
    SigilKeys(SigningKeySource signing, KeyResolver resolver, List<Supplier<List<VerificationKey>>> ownKeys,
              String description, KeyGeneration generation) {
        this(signing, resolver, ownKeys, description, generation, List.of());
    }

    /**
     * @param decryptionKeys the keys of {@code mp.jwt.decrypt.key.location}; empty, encrypted
     *                       tokens are refused
     */
    SigilKeys(SigningKeySource signing, KeyResolver resolver, List<Supplier<List<VerificationKey>>> ownKeys,
              String description, KeyGeneration generation, List<DecryptionKey> decryptionKeys) {
        this(signing, resolver, ownKeys, description, generation, decryptionKeys, ownKeys,
                new ReloadSchedule(Duration.ZERO, Clock.systemUTC()), resolver);
    }

    /**
     * @param verificationSources the current keys of every verification key source except the
     *                            signing key (for {@link #state()}; a remote set's without fetching)
     * @param reloads             the schedule of the key files, which counts their reloads
     * @param plainResolver       the keys a plain (not encrypted) token may be verified with while
     *                            decryption keys are set: Sigil's own keys, without the
     *                            {@code mp.jwt.verify.publickey*} ones unless
     *                            {@code sigil.decrypt.accept-plain-outside-tokens} is true
     */
    SigilKeys(SigningKeySource signing, KeyResolver resolver, List<Supplier<List<VerificationKey>>> ownKeys,
              String description, KeyGeneration generation, List<DecryptionKey> decryptionKeys,
              List<Supplier<List<VerificationKey>>> verificationSources, ReloadSchedule reloads,
              KeyResolver plainResolver) {
        this.verificationSources = List.copyOf(verificationSources);
        this.reloads = reloads;
        this.plainResolver = plainResolver;
        this.signing = signing;
        this.resolver = resolver;
        this.ownKeys = List.copyOf(ownKeys);
        this.generation = generation;
        this.decryptionKeys = List.copyOf(decryptionKeys);
        this.description = description + (decryptionKeys.isEmpty() ? "" : "; decrypting with " + decryptionKeys);
    }

    /**
     * @param maxTokenLength the longest token accepted ({@code sigil.token.max-length})
     * @return the decryptor of encrypted tokens, or empty when {@code mp.jwt.decrypt.key.location}
     *         is unset
     */
    public Optional<JweDecryptor> decryptor(int maxTokenLength) {
        return decryptionKeys.isEmpty() ? Optional.empty()
                : Optional.of(new JweDecryptor(decryptionKeys, maxTokenLength));
    }

    /**
     * A number that changes whenever the keys change: a key file read again with new content, a
     * remote JWK Set fetched again, a new signing key. Equal answers mean no key changed in
     * between, so a result computed with the keys of one answer is still good at the other. Like
     * a key lookup, a call gives the changing sources their chance to look for a change. Cheap
     * (no allocation while nothing changed); thread-safe.
     *
     * @return the current key generation
     */
    public long generation() {
        return generation.current();
    }

    /**
     * @return the key Sigil signs the tokens it issues with now; a key file that changed is read
     *         again (see {@code sigil.keys.reload-interval})
     * @throws SigilConfigurationException if Sigil only verifies (no secret, no signing key)
     */
    public SigningKey signingKey() {
        if (signing == null) {
            throw new SigilConfigurationException("Sigil only verifies tokens here: set " + SigilConfigLoader.SECRET
                    + " or " + SigilConfigLoader.SIGNING_KEY_LOCATION + " to issue tokens");
        }
        return signing.key();
    }

    /** @return whether a secret or a signing key is configured, so that tokens can be issued */
    public boolean canSign() {
        return signing != null;
    }

    /**
     * The key ring's state for metrics and health checks: signs a short test input with the
     * current signing key (about a millisecond for RSA, so not for the request path) and counts
     * the verification keys. A verify-only ring (no signing key) is usable when it holds at least
     * one verification key. Never throws.
     *
     * @return the state now
     */
    public KeyRingState state() {
        int count = signing == null ? 0 : 1;
        for (Supplier<List<VerificationKey>> source : verificationSources) {
            try {
                count += source.get().size();
            } catch (RuntimeException e) {
                // A source that cannot answer now counts as empty.
            }
        }
        boolean usable;
        try {
            usable = signing == null ? count > 0 : signing.key().sign(PROBE).length > 0;
        } catch (RuntimeException e) {
            usable = false;
        }
        long since = Math.max(0, reloads.clock().millis() - reloads.lastReadMillis());
        return new KeyRingState(usable, count, reloads.reloads(), reloads.failedReloads(), Duration.ofMillis(since));
    }

    /** @return every key a presented token may be verified with; thread-safe, never throws */
    public KeyResolver resolver() {
        return resolver;
    }

    /**
     * @return the keys a plain (not encrypted) token may be verified with while decryption keys
     *         are set (otherwise {@link #resolver()}); thread-safe, never throws
     */
    public KeyResolver plainTokenResolver() {
        return decryptionKeys.isEmpty() ? resolver : plainResolver;
    }

    /**
     * The keys other services need to verify the tokens this deployment issues: the public key of
     * the signing key and the current keys of {@code sigil.verify.keys.location}. Never a secret,
     * and never an outside issuer's key from {@code mp.jwt.verify.publickey*}: publishing those
     * would tell relying services to accept that issuer's tokens as this deployment's.
     *
     * @return the public keys, the signing key's first; empty when Sigil signs with a secret
     */
    public List<VerificationKey> publishedKeys() {
        List<VerificationKey> keys = new ArrayList<>();
        SigningKey signingKey = signing == null ? null : signing.key();
        if (signingKey != null && !signingKey.algorithm().isSymmetric()) {
            keys.add(signingKey.verificationKey());
        }
        for (Supplier<List<VerificationKey>> source : ownKeys) {
            for (VerificationKey key : source.get()) {
                if (!key.algorithm().isSymmetric() && keys.stream().noneMatch(k -> sameKey(k, key))) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** @return {@link #publishedKeys()} as a JWK Set document (RFC 7517), {@code {"keys":[]}} when empty */
    public String publishedJwkSet() {
        return Jwk.publicJwkSet(publishedKeys()).toString();
    }

    @Override
    public String toString() {
        return description;
    }

    /** @return whether two keys are the same public key under the same kid and algorithm */
    static boolean sameKey(VerificationKey a, VerificationKey b) {
        return a == b || a.algorithm() == b.algorithm() && Objects.equals(a.keyId(), b.keyId())
                && a.publicKey().isPresent() && a.publicKey().equals(b.publicKey());
    }

    /** @return kids and algorithms of keys, for log lines */
    static String describe(List<VerificationKey> keys) {
        return keys.stream().map(k -> k.algorithm() + (k.keyId() == null ? "" : " kid=" + k.keyId()))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
