package io.sigil.auth.cli;

import io.sigil.auth.config.SigilConfigLoader;
import io.sigil.auth.config.SigilConfigurationException;
import io.sigil.auth.token.HmacKey;
import io.sigil.auth.token.InvalidKeyMaterialException;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.KeyMaterial;
import io.sigil.auth.token.KeyRing;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.VerificationKey;

/**
 * Reads {@code --key} for {@code sign} and {@code verify} with the token core's own reader,
 * {@link KeyMaterial} (as the server reads {@code mp.jwt.verify.publickey}): a JWK, a JWK Set or a
 * PEM key; a PEM key's algorithm is {@code --alg}, else implied by the key. Anything else is an
 * HMAC secret in base64url, as {@code sigil.secret} ({@code --alg} HS256 unless given). Every
 * failure is a {@link UsageException} naming {@code --key}, never the key. Stateless.
 */
final class CliKeys {

    static final String SETTING = "--key";

    private CliKeys() {
    }

    /** @return the signing key in {@code source} */
    static SigningKey signingKey(String source, JwsAlgorithm algorithm, String keyId, Terminal terminal)
            throws UsageException {
        String text = KeyFiles.read(source, terminal).strip();
        try {
            if (isSecret(text, algorithm)) {
                return HmacKey.of(hmac(algorithm), keyId, secret(text));
            }
            refuseKidForJwk(text, keyId);
            return KeyMaterial.signingKey(text, algorithm, keyId, JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS);
        } catch (InvalidKeyMaterialException e) {
            throw new UsageException(SETTING + ": " + e.reason());
        }
    }

    /** @return a key ring of the verification keys in {@code source} */
    static KeyRing verificationKeys(String source, JwsAlgorithm algorithm, String keyId, Terminal terminal)
            throws UsageException {
        String text = KeyFiles.read(source, terminal).strip();
        try {
            if (isSecret(text, algorithm)) {
                return KeyRing.of(VerificationKey.hmac(hmac(algorithm), keyId, secret(text)));
            }
            refuseKidForJwk(text, keyId);
            return KeyRing.of(KeyMaterial.verificationKeys(text, algorithm, keyId,
                    JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS).toArray(VerificationKey[]::new));
        } catch (InvalidKeyMaterialException e) {
            throw new UsageException(SETTING + ": " + e.reason());
        }
    }

    private static boolean isSecret(String text, JwsAlgorithm algorithm) {
        if (text.startsWith("{") || text.startsWith("-----BEGIN")) {
            return false;
        }
        // Not JSON, not PEM: a secret, unless an asymmetric --alg says it is a base64url JWK.
        return algorithm == null || algorithm.isSymmetric();
    }

    private static void refuseKidForJwk(String text, String keyId) throws UsageException {
        if (keyId != null && !text.startsWith("-----BEGIN")) {
            throw new UsageException("a JWK carries its own kid; --kid is for PEM keys and secrets");
        }
    }

    private static JwsAlgorithm hmac(JwsAlgorithm algorithm) {
        return algorithm == null ? JwsAlgorithm.HS256 : algorithm;
    }

    /** Decodes a secret as the server decodes {@code sigil.secret}: base64url, padding allowed. */
    private static byte[] secret(String text) throws UsageException {
        try {
            return SigilConfigLoader.decodeSecret(text);
        } catch (SigilConfigurationException e) {
            throw new UsageException(SETTING + " holds no JWK, no PEM key and no base64url secret");
        }
    }
}
