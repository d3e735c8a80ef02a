package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;
import io.sigil.auth.token.internal.JwkMembers;

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
 * failures are {@link InvalidKeyMaterialException}s whose reason never quotes key material.
 */
public final class DecryptionKeys {

    private DecryptionKeys() {
    }

    /**
     * @param text        the key text
     * @param allowed     the algorithms the deployment accepts ({@code mp.jwt.decrypt.key.algorithm})
     * @param keyId       the kid of a PEM key, or {@code null}; a JWK keeps its own
     * @return the keys, at least one
     * @throws InvalidKeyMaterialException if the text holds no usable private RSA key, or a key is
     *                                     weak, malformed or bound to another algorithm
     */
    public static List<DecryptionKey> read(String text, Set<JweAlgorithm> allowed, String keyId) {
        String trimmed = text == null ? "" : text.strip();
        if (PemKeys.looksLikePem(trimmed)) {
            return List.of(DecryptionKey.of(keyId, PemKeys.privateKey(trimmed), allowed));
        }
        if (!trimmed.startsWith("{")) {
            trimmed = base64UrlText(trimmed);
        }
        if (trimmed == null || !trimmed.startsWith("{")) {
            throw new InvalidKeyMaterialException("the key text holds neither a PEM private key, a JWK nor a JWK Set");
        }
        JsonObject object = Jwk.parse(trimmed);
        List<DecryptionKey> keys = new ArrayList<>();
        for (JsonObject jwk : Jwk.members(object)) {
            String use = JwkMembers.optional(jwk, "use");
            // in a set, skip what is not a private RSA key for encryption; a single JWK must be one
            if (!object.containsKey("keys") || "RSA".equals(JwkMembers.string(jwk, "kty"))
                    && jwk.containsKey("d") && (use == null || use.equals("enc")) && decrypts(jwk)) {
                keys.add(fromJwk(jwk, allowed));
            }
        }
        if (keys.isEmpty()) {
            throw new InvalidKeyMaterialException("the key text holds no private RSA JWK usable for decryption");
        }
        Set<String> kids = new HashSet<>();
        for (DecryptionKey key : keys) {
            if (key.keyId() != null && !kids.add(key.keyId())) {
                throw new InvalidKeyMaterialException("the kid '" + key.keyId() + "' names two keys");
            }
        }
        return List.copyOf(keys);
    }

    private static DecryptionKey fromJwk(JsonObject jwk, Set<JweAlgorithm> allowed) {
        if (!"RSA".equals(JwkMembers.string(jwk, "kty"))) {
            throw new InvalidKeyMaterialException("encrypted tokens need an RSA JWK");
        }
        String use = JwkMembers.optional(jwk, "use");
        if (use != null && !use.equals("enc")) {
            throw new InvalidKeyMaterialException("the JWK's use must be enc");
        }
        if (!decrypts(jwk)) {
            throw new InvalidKeyMaterialException("the JWK's key_ops allow neither unwrapKey nor decrypt");
        }
        if (!jwk.containsKey("d")) {
            throw new InvalidKeyMaterialException("the JWK has no private part (\"d\")");
        }
        Set<JweAlgorithm> algorithms = EnumSet.copyOf(allowed);
        String alg = JwkMembers.optional(jwk, "alg");
        if (alg != null) {
            JweAlgorithm bound = JweAlgorithm.fromJoseName(alg).filter(allowed::contains).orElseThrow(() ->
                    new InvalidKeyMaterialException("a JWK's alg " + alg + " is not an accepted "
                            + "key management algorithm (" + allowed + ")"));
            algorithms = EnumSet.of(bound);
        }
        String kid = JwkMembers.optional(jwk, "kid");
        try {
            KeySpec spec = jwk.containsKey("p")
                    ? new RSAPrivateCrtKeySpec(JwkMembers.integer(jwk, "n"),
                    JwkMembers.integer(jwk, "e"), JwkMembers.integer(jwk, "d"),
                    JwkMembers.integer(jwk, "p"), JwkMembers.integer(jwk, "q"),
                    JwkMembers.integer(jwk, "dp"), JwkMembers.integer(jwk, "dq"),
                    JwkMembers.integer(jwk, "qi"))
                    : new RSAPrivateKeySpec(JwkMembers.integer(jwk, "n"),
                    JwkMembers.integer(jwk, "d"));
            return DecryptionKey.of(kid, KeyFactory.getInstance("RSA").generatePrivate(spec), algorithms);
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyMaterialException("the JWK is not a valid RSA private key", e);
        }
    }

    /** @return whether {@code key_ops}, if present (and well-formed), allows unwrapping or decrypting */
    private static boolean decrypts(JsonObject jwk) {
        Set<String> ops = JwkMetadata.keyOps(jwk);
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
