package io.sigil.auth.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the keys {@link TokenVerifier} may check a token with. The verifier applies one rule for
 * every resolver:
 * <ul>
 * <li>a token with a {@code kid} is checked against {@link #byKeyId} of that kid, and only if no
 *     key has that kid, against the {@link #withoutKeyId keys without a kid} for its {@code alg}
 *     (so a configured PEM key, which has no kid, still accepts tokens that carry one);</li>
 * <li>a token without a {@code kid} is checked only against the keys without a kid for its
 *     {@code alg}, at most {@link #MAX_CANDIDATES} of them.</li>
 * </ul>
 * Either way the key's own algorithm must equal the token's {@code alg}. A {@code kid} is only
 * ever a lookup key: it is never used as a path, URL or anything else.
 *
 * <p>Implementations must be thread-safe and must never throw: a resolver that cannot reach its
 * keys answers with what it last had.
 */
public interface KeyResolver {

    /** The most keys a token is ever tried against. */
    int MAX_CANDIDATES = 4;

    /**
     * @param keyId the token's {@code kid}, not {@code null}
     * @return the key with exactly this kid (case-sensitive), if any
     */
    Optional<VerificationKey> byKeyId(String keyId);

    /**
     * @param algorithm the token's {@code alg}
     * @return the keys without a kid whose algorithm is {@code algorithm}, at most
     *         {@link #MAX_CANDIDATES}
     */
    List<VerificationKey> withoutKeyId(JwsAlgorithm algorithm);

    /**
     * Composes resolvers: a kid is looked up in each in turn (so a remote set, listed last, is only
     * refreshed for a kid that none of the others knows); keys without a kid are collected from
     * all, at most {@link #MAX_CANDIDATES}.
     *
     * @param resolvers the resolvers, in order of precedence
     * @return a thread-safe resolver over all of them
     */
    static KeyResolver firstOf(KeyResolver... resolvers) {
        List<KeyResolver> all = List.of(resolvers);
        return new KeyResolver() {
            @Override
            public Optional<VerificationKey> byKeyId(String keyId) {
                for (KeyResolver resolver : all) {
                    Optional<VerificationKey> key = resolver.byKeyId(keyId);
                    if (key.isPresent()) {
                        return key;
                    }
                }
                return Optional.empty();
            }

            @Override
            public List<VerificationKey> withoutKeyId(JwsAlgorithm algorithm) {
                List<VerificationKey> keys = new ArrayList<>();
                for (KeyResolver resolver : all) {
                    for (VerificationKey key : resolver.withoutKeyId(algorithm)) {
                        if (keys.size() < MAX_CANDIDATES) {
                            keys.add(key);
                        }
                    }
                }
                return List.copyOf(keys);
            }

            @Override
            public String toString() {
                return "KeyResolver" + all;
            }
        };
    }
}
