package io.sigil.auth.config;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.KeyResolver;
import io.sigil.auth.token.KeyRing;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.VerificationKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The key Sigil signs with: fixed, or read again from its file when the file changes (see
 * {@link ReloadingFile}). As a {@link KeyResolver} it answers with the current signing key's
 * verification key, so a node always accepts the tokens it has just issued. Thread-safe.
 */
final class SigningKeySource implements KeyResolver {

    /** A ring of the current key, rebuilt when the key changes. */
    private record Current(SigningKey key, KeyRing ring) {
    }

    private final Supplier<SigningKey> supplier;
    private volatile Current current;

    private SigningKeySource(Supplier<SigningKey> supplier) {
        this.supplier = supplier;
        SigningKey first = supplier.get();
        this.current = new Current(first, KeyRing.of(first, List.of()));
    }

    /** @return a source of one key for the deployment's lifetime */
    static SigningKeySource fixed(SigningKey key) {
        return new SigningKeySource(() -> key);
    }

    /** @return a source that follows its file */
    static SigningKeySource reloading(ReloadingFile<SigningKey> file) {
        return new SigningKeySource(file::current);
    }

    /** @return the key to sign with now */
    SigningKey key() {
        return ring().signingKey().orElseThrow();
    }

    @Override
    public Optional<VerificationKey> byKeyId(String keyId) {
        return ring().byKeyId(keyId);
    }

    @Override
    public List<VerificationKey> withoutKeyId(JwsAlgorithm algorithm) {
        return ring().withoutKeyId(algorithm);
    }

    private KeyRing ring() {
        SigningKey key = supplier.get();
        Current known = current;
        if (known.key() != key) {
            known = new Current(key, KeyRing.of(key, List.of()));
            current = known;
        }
        return known.ring();
    }

    /**
     * The refusal of a reloaded key that would reuse the kid of a different key: tokens under the
     * old key would then be checked against the new one and fail.
     *
     * @param previous the key in use, or {@code null} at the first read
     * @param next     the key just read
     * @param setting  the setting, named in the message
     * @throws SigilConfigurationException if {@code next} is another key under the same kid
     */
    static void checkNewKid(SigningKey previous, SigningKey next, String setting) {
        if (previous == null) {
            return;
        }
        boolean sameKid = next.keyId() == null ? previous.keyId() == null : next.keyId().equals(previous.keyId());
        boolean sameKey = next.verificationKey().publicKey().equals(previous.verificationKey().publicKey());
        if (sameKid && !sameKey) {
            throw new SigilConfigurationException(setting + ": the new signing key has the kid of the key in use;"
                    + " give it a new kid (a JWK's own kid, or leave " + SigilConfigLoader.SIGNING_KEY_ID
                    + " unset for the key's thumbprint)");
        }
    }
}
