package io.sigil.auth.token;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The RFC 7638 JWK thumbprint (SHA-256, base64url) of a public key: stable for the key, the same
 * any other RFC 7638 tool computes, and a {@code kid} that changes whenever the key does.
 * Stateless and thread-safe.
 */
public final class JwkThumbprint {

    private JwkThumbprint() {
    }

    /**
     * @param key an asymmetric key (RSA, EC or Ed25519)
     * @return its RFC 7638 SHA-256 thumbprint, base64url without padding
     * @throws IllegalArgumentException if the key is a shared secret, which is never published
     */
    public static String of(VerificationKey key) {
        JsonObject jwk = Jwk.publicJwk(key).orElseThrow(() -> new IllegalArgumentException(
                "a secret key has no published thumbprint"));
        List<String> members = switch (jwk.getString("kty")) {
            case "RSA" -> List.of("e", "kty", "n");
            case "EC" -> List.of("crv", "kty", "x", "y");
            default -> List.of("crv", "kty", "x");
        };
        // The required members only, in lexicographic order, without white space. Every value is
        // base64url or a curve name, so nothing needs escaping.
        StringBuilder canonical = new StringBuilder("{");
        for (String member : members) {
            canonical.append(canonical.length() > 1 ? "," : "").append('"').append(member).append("\":\"")
                    .append(jwk.getString(member)).append('"');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.append('}').toString().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
