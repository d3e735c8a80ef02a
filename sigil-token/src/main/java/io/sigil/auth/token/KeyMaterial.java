package io.sigil.auth.token;

import io.sigil.auth.token.internal.KeyChecks;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns key text of any supported form into keys, as {@code mp.jwt.verify.publickey} and its
 * {@code .location} allow: a JWK or JWK Set (JSON), PEM, or a base64url-encoded JWK or JWK Set.
 * Stateless and thread-safe.
 */
public final class KeyMaterial {

    /** {@code PRIVATE KEY}, {@code ENCRYPTED PRIVATE KEY}, {@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}, … */
    private static final Pattern PRIVATE_PEM = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");

    private KeyMaterial() {
    }

    /**
     * Reads verification keys.
     *
     * @param text             JWK, JWK Set, PEM {@code PUBLIC KEY}, or base64url of a JWK (Set)
     * @param defaultAlgorithm the algorithm for a PEM key or a JWK without {@code alg}, or
     *                         {@code null} to imply it from the key (RS256 for RSA, ES* by curve,
     *                         EdDSA)
     * @param keyId            the kid for a PEM key, or {@code null}; a JWK keeps its own
     * @param minimumRsaBits   the smallest RSA modulus accepted
     * @return the keys, at least one
     * @throws InvalidKeyMaterialException if the text holds no usable key, a weak one, or private key
     *                                     material (a PEM private key, a JWK's private members)
     */
    public static List<VerificationKey> verificationKeys(String text, JwsAlgorithm defaultAlgorithm, String keyId,
                                                         int minimumRsaBits) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("{")) {
            return Jwk.verificationKeys(trimmed, defaultAlgorithm, minimumRsaBits);
        }
        if (PemKeys.looksLikePem(trimmed)) {
            if (PRIVATE_PEM.matcher(trimmed).find()) {
                throw new InvalidKeyMaterialException("the key text holds a PEM private key, but verification keys "
                        + "are public only; give the PUBLIC KEY block alone and keep the private key out of this file");
            }
            PublicKey key = PemKeys.publicKey(trimmed);
            JwsAlgorithm algorithm = defaultAlgorithm != null ? defaultAlgorithm : impliedAlgorithm(key);
            return List.of(VerificationKey.of(algorithm, keyId, key, minimumRsaBits));
        }
        String decoded = base64UrlText(trimmed);
        if (decoded != null && decoded.strip().startsWith("{")) {
            return Jwk.verificationKeys(decoded.strip(), defaultAlgorithm, minimumRsaBits);
        }
        throw new InvalidKeyMaterialException("the key text holds neither a JWK, a JWK Set nor a PEM public key");
    }

    /**
     * Reads a signing key.
     *
     * @param text             a private JWK, or PEM {@code PRIVATE KEY} (optionally followed by its
     *                         {@code PUBLIC KEY})
     * @param defaultAlgorithm the algorithm for a PEM key or a JWK without {@code alg}, or
     *                         {@code null} to imply it from the key
     * @param keyId            the kid for a PEM key, or {@code null}; a JWK keeps its own
     * @param minimumRsaBits   the smallest RSA modulus accepted
     * @return the key
     * @throws InvalidKeyMaterialException if the text holds no usable private key
     */
    public static SigningKey signingKey(String text, JwsAlgorithm defaultAlgorithm, String keyId, int minimumRsaBits) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("{")) {
            return Jwk.signingKey(trimmed, defaultAlgorithm, minimumRsaBits);
        }
        if (PemKeys.looksLikePem(trimmed)) {
            PrivateKey privateKey = PemKeys.privateKey(trimmed);
            PublicKey publicKey = PemKeys.publicKeyFor(trimmed, privateKey);
            JwsAlgorithm algorithm = defaultAlgorithm != null ? defaultAlgorithm
                    : impliedAlgorithm(publicKey);
            return SigningKey.of(algorithm, keyId, privateKey, publicKey, minimumRsaBits);
        }
        throw new InvalidKeyMaterialException("the key text holds neither a private JWK nor a PEM private key");
    }

    /**
     * @param key         an RSA, EC or Ed25519 key
     * @return RS256 for RSA, ES256/384/512 by curve, EdDSA for Ed25519
     * @throws InvalidKeyMaterialException for another kind of key or curve
     */
    private static JwsAlgorithm impliedAlgorithm(Key key) {
        if (key instanceof RSAKey) {
            return JwsAlgorithm.RS256;
        }
        if (key instanceof ECKey ec) {
            for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
                if (algorithm.family() == JwsAlgorithm.Family.ECDSA
                        && KeyChecks.sameCurve(ec.getParams(), KeyChecks.curve(algorithm))) {
                    return algorithm;
                }
            }
        }
        if (key instanceof EdECKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            return JwsAlgorithm.EdDSA;
        }
        throw new InvalidKeyMaterialException("unsupported key type or curve");
    }

    private static String base64UrlText(String text) {
        try {
            String unpadded = text.replace("=", "");
            return new String(Base64.getUrlDecoder().decode(unpadded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
