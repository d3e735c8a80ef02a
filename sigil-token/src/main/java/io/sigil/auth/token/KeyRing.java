package io.sigil.auth.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed set of keys: at most one active signing key and any number of verification keys, each
 * addressed by its {@code kid}. Used as a {@link KeyResolver} (see there for how a token's
 * {@code kid} and {@code alg} select a key). Kids are unique within a ring; at most
 * {@link KeyResolver#MAX_CANDIDATES} keys without a kid may share an algorithm. Immutable and
 * thread-safe; to rotate, build a new ring.
 */
public final class KeyRing implements KeyResolver {

    private final SigningKey signingKey;
    private final List<VerificationKey> keys;
    private final Map<String, VerificationKey> byKeyId = new HashMap<>();
    private final Map<JwsAlgorithm, List<VerificationKey>> withoutKeyId = new EnumMap<>(JwsAlgorithm.class);

    private KeyRing(SigningKey signingKey, Collection<? extends VerificationKey> verificationKeys) {
        this.signingKey = signingKey;
        List<VerificationKey> all = new ArrayList<>();
        if (signingKey != null) {
            all.add(signingKey.verificationKey());
        }
        for (VerificationKey key : verificationKeys) {
            if (key == null) {
                throw new InvalidKeyMaterialException("a key ring cannot hold a null key");
            }
            if (!all.contains(key)) {
                all.add(key);
            }
        }
        this.keys = List.copyOf(all);
        for (VerificationKey key : keys) {
            if (key.keyId() != null) {
                if (byKeyId.putIfAbsent(key.keyId(), key) != null) {
                    throw new InvalidKeyMaterialException("two keys have the kid '" + key.keyId() + "'");
                }
            } else {
                List<VerificationKey> same = withoutKeyId.computeIfAbsent(key.algorithm(), a -> new ArrayList<>());
                if (same.size() == MAX_CANDIDATES) {
                    throw new InvalidKeyMaterialException("more than " + MAX_CANDIDATES + " " + key.algorithm()
                            + " keys without a kid: give the keys a kid");
                }
                same.add(key);
            }
        }
        withoutKeyId.replaceAll((algorithm, list) -> List.copyOf(list));
    }

    /**
     * @param keys verification keys
     * @return a ring that verifies with the keys and cannot sign
     * @throws InvalidKeyMaterialException if two keys share a kid, or too many lack one
     */
    public static KeyRing of(VerificationKey... keys) {
        return new KeyRing(null, List.of(keys));
    }

    /**
     * @param signingKey       the active signing key, or {@code null}; its verification key joins
     *                         the ring
     * @param verificationKeys further keys that tokens may be signed with (older keys, other
     *                         issuers' public keys)
     * @return the ring
     * @throws InvalidKeyMaterialException if two keys share a kid, or too many lack one
     */
    public static KeyRing of(SigningKey signingKey, Collection<? extends VerificationKey> verificationKeys) {
        return new KeyRing(signingKey, verificationKeys);
    }

    /** @return the active signing key, if the ring has one */
    public Optional<SigningKey> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    /** @return every verification key, the signing key's first */
    public List<VerificationKey> keys() {
        return keys;
    }

    @Override
    public Optional<VerificationKey> byKeyId(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    @Override
    public List<VerificationKey> withoutKeyId(JwsAlgorithm algorithm) {
        return withoutKeyId.getOrDefault(algorithm, List.of());
    }

    @Override
    public String toString() {
        return "KeyRing" + keys;
    }
}
