package io.sigil.auth.token;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.KeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@link DecryptionKey}s from key text, in the formats MicroProfile JWT 2.1 lists for
 * {@code mp.jwt.decrypt.key.location}: a PKCS#8 PEM {@code PRIVATE KEY}, a private RSA JWK, a JWK
 * Set, or either of those base64url-encoded. In a JWK Set, RSA keys with {@code d} whose
 * {@code use} is absent or {@code enc}, and whose {@code key_ops}, if any, hold {@code unwrapKey} or
 * {@code decrypt}, are taken, the others skipped. A JWK's {@code alg}, if it
 * has one, must be one of the allowed algorithms and then binds the key to it alone. Stateless;
 * failures are {@link SigilConfigurationException}s naming the setting, never key material.
 */
public final class DecryptionKeys {

    private DecryptionKeys() {
    }

    /**
     * @param text        the key text
     * @param allowed     the algorithms the deployment accepts ({@code mp.jwt.decrypt.key.algorithm})
     * @param keyId       the kid of a PEM key, or {@code null}; a JWK keeps its own
     * @param settingName the setting the text came from, named in errors
     * @return the keys, at least one
     * @throws SigilConfigurationException if the text holds no usable private RSA key, or a key is
     *                                     weak, malformed or bound to another algorithm
     */
    public static List<DecryptionKey> read(String text, Set<JweAlgorithm> allowed, String keyId, String settingName) {
        String trimmed = text == null ? "" : text.strip();
        if (PemKeys.looksLikePem(trimmed)) {
            return List.of(DecryptionKey.of(keyId, PemKeys.privateKey(trimmed, settingName), allowed, settingName));
        }
        if (!trimmed.startsWith("{")) {
            trimmed = base64UrlText(trimmed);
        }
        if (trimmed == null || !trimmed.startsWith("{")) {
            throw new SigilConfigurationException(settingName + " holds neither a PEM private key, a JWK nor a JWK Set");
        }
        JsonObject object = Jwk.parse(trimmed, settingName);
        List<DecryptionKey> keys = new ArrayList<>();
        for (JsonObject jwk : Jwk.members(object, settingName)) {
            String use = JwkMembers.optional(jwk, "use", settingName);
            // in a set, skip what is not a private RSA key for encryption; a single JWK must be one
            if (!object.containsKey("keys") || "RSA".equals(JwkMembers.string(jwk, "kty", settingName))
                    && jwk.containsKey("d") && (use == null || use.equals("enc")) && decrypts(jwk, settingName)) {
                keys.add(fromJwk(jwk, allowed, settingName));
            }
        }
        if (keys.isEmpty()) {
            throw new SigilConfigurationException(settingName + " holds no private RSA JWK usable for decryption");
        }
        Set<String> kids = new HashSet<>();
        for (DecryptionKey key : keys) {
            if (key.keyId() != null && !kids.add(key.keyId())) {
                throw new SigilConfigurationException(settingName + ": the kid '" + key.keyId() + "' names two keys");
            }
        }
        return List.copyOf(keys);
    }

    private static DecryptionKey fromJwk(JsonObject jwk, Set<JweAlgorithm> allowed, String settingName) {
        if (!"RSA".equals(JwkMembers.string(jwk, "kty", settingName))) {
            throw new SigilConfigurationException(settingName + ": encrypted tokens need an RSA JWK");
        }
        String use = JwkMembers.optional(jwk, "use", settingName);
        if (use != null && !use.equals("enc")) {
            throw new SigilConfigurationException(settingName + ": the JWK's use must be enc");
        }
        if (!decrypts(jwk, settingName)) {
            throw new SigilConfigurationException(settingName + ": the JWK's key_ops allow neither unwrapKey nor decrypt");
        }
        if (!jwk.containsKey("d")) {
            throw new SigilConfigurationException(settingName + ": the JWK has no private part (\"d\")");
        }
        Set<JweAlgorithm> algorithms = EnumSet.copyOf(allowed);
        String alg = JwkMembers.optional(jwk, "alg", settingName);
        if (alg != null) {
            JweAlgorithm bound = JweAlgorithm.fromJoseName(alg).filter(allowed::contains).orElseThrow(() ->
                    new SigilConfigurationException(settingName + ": a JWK's alg " + alg + " is not an accepted "
                            + "key management algorithm (" + allowed + ")"));
            algorithms = EnumSet.of(bound);
        }
        String kid = JwkMembers.optional(jwk, "kid", settingName);
        try {
            KeySpec spec = jwk.containsKey("p")
                    ? new RSAPrivateCrtKeySpec(JwkMembers.integer(jwk, "n", settingName),
                    JwkMembers.integer(jwk, "e", settingName), JwkMembers.integer(jwk, "d", settingName),
                    JwkMembers.integer(jwk, "p", settingName), JwkMembers.integer(jwk, "q", settingName),
                    JwkMembers.integer(jwk, "dp", settingName), JwkMembers.integer(jwk, "dq", settingName),
                    JwkMembers.integer(jwk, "qi", settingName))
                    : new RSAPrivateKeySpec(JwkMembers.integer(jwk, "n", settingName),
                    JwkMembers.integer(jwk, "d", settingName));
            return DecryptionKey.of(kid, KeyFactory.getInstance("RSA").generatePrivate(spec), algorithms, settingName);
        } catch (GeneralSecurityException e) {
            throw new SigilConfigurationException(settingName + ": the JWK is not a valid RSA private key", e);
        }
    }

    /** @return whether {@code key_ops}, if present (and well-formed), allows unwrapping or decrypting */
    private static boolean decrypts(JsonObject jwk, String settingName) {
        Set<String> ops = JwkMetadata.keyOps(jwk, settingName);
        return ops == null || ops.contains("unwrapKey") || ops.contains("decrypt");
    }

    private static String base64UrlText(String text) {
        String unpadded = text.replace("=", "");
        try {
            return new String(Base64Url.decode(unpadded, 0, unpadded.length()), StandardCharsets.UTF_8).strip();
        } catch (InvalidTokenException e) {
            return null;
        }
    }
}
