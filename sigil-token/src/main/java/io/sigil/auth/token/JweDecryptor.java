package io.sigil.auth.token;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens an encrypted token (JWE compact serialization, RFC 7516) that wraps a signed one, as
 * MicroProfile JWT 2.1 allows: key management {@code RSA-OAEP} or {@code RSA-OAEP-256}, content
 * encryption {@code A256GCM}, header {@code "cty":"JWT"}. The result is the inner JWS, which the
 * {@link TokenVerifier} then verifies as any other token: an encrypted token is never accepted
 * without a valid signature inside, and claims are never read from the JWE itself. Any {@code zip}
 * or {@code crit} header, another algorithm, a wrong key or a modified part is refused. Immutable
 * and thread-safe.
 */
public final class JweDecryptor {

    /** The key management algorithms accepted. */
    public static final Set<String> ALGORITHMS = Set.of("RSA-OAEP", "RSA-OAEP-256");

    private static final String ENCRYPTION = "A256GCM";
    private static final int TAG_BYTES = 16;

    private final List<Key> keys;
    private final Set<String> algorithms;

    /**
     * A private key that opens tokens.
     *
     * @param keyId the kid, or null
     * @param key   the RSA private key
     */
    public record Key(String keyId, RSAPrivateKey key) {
    }

    /**
     * @param keys       the private keys, at least one
     * @param algorithms the key management algorithms accepted, a subset of {@link #ALGORITHMS}
     * @throws IllegalArgumentException if there is no key or an unknown algorithm
     */
    public JweDecryptor(List<Key> keys, Set<String> algorithms) {
        if (keys.isEmpty() || algorithms.isEmpty() || !ALGORITHMS.containsAll(algorithms)) {
            throw new IllegalArgumentException("a decryption key and RSA-OAEP and/or RSA-OAEP-256 are required");
        }
        this.keys = List.copyOf(keys);
        this.algorithms = Set.copyOf(algorithms);
    }

    /**
     * @param compact a token
     * @return whether it has the five parts of a JWE
     */
    public static boolean isEncrypted(String compact) {
        return compact.chars().filter(c -> c == '.').count() == 4;
    }

    /**
     * @param compact the JWE
     * @return the inner, still unverified, JWS
     * @throws InvalidTokenException if it is malformed, uses another algorithm or does not open
     */
    public String decrypt(String compact) throws InvalidTokenException {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 5) {
            throw new InvalidTokenException("not an encrypted token");
        }
        byte[] protectedHeader = Base64Url.decode(parts[0], 0, parts[0].length());
        JsonObject header = StrictJson.parseObject(protectedHeader, "header");
        String alg = string(header, "alg");
        if (!algorithms.contains(alg) || !ENCRYPTION.equals(string(header, "enc"))) {
            throw new InvalidTokenException("encryption algorithm not accepted");
        }
        if (header.containsKey("zip") || header.containsKey("crit")) {
            throw new InvalidTokenException("zip and crit headers are not accepted");
        }
        if (!"JWT".equalsIgnoreCase(string(header, "cty"))) {
            throw new InvalidTokenException("an encrypted token must contain a signed token (cty JWT)");
        }
        byte[] encryptedKey = Base64Url.decode(parts[1], 0, parts[1].length());
        byte[] iv = Base64Url.decode(parts[2], 0, parts[2].length());
        byte[] ciphertext = Base64Url.decode(parts[3], 0, parts[3].length());
        byte[] tag = Base64Url.decode(parts[4], 0, parts[4].length());
        if (iv.length != 12 || tag.length != TAG_BYTES) {
            throw new InvalidTokenException("bad iv or tag length");
        }
        byte[] aad = parts[0].getBytes(StandardCharsets.US_ASCII);
        byte[] input = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
        System.arraycopy(tag, 0, input, ciphertext.length, tag.length);
        String kid = header.get("kid") instanceof JsonString s ? s.getString() : null;
        for (Key key : keys) {
            if (kid != null && key.keyId() != null && !kid.equals(key.keyId())) {
                continue;
            }
            byte[] plain = open(key.key(), alg, encryptedKey, iv, input, aad);
            if (plain != null) {
                return new String(plain, StandardCharsets.US_ASCII);
            }
        }
        throw new InvalidTokenException("the token does not open with any decryption key");
    }

    private static byte[] open(PrivateKey key, String alg, byte[] encryptedKey, byte[] iv, byte[] input, byte[] aad) {
        byte[] cek = null;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            String digest = alg.equals("RSA-OAEP-256") ? "SHA-256" : "SHA-1";
            MGF1ParameterSpec mgf = alg.equals("RSA-OAEP-256") ? MGF1ParameterSpec.SHA256 : MGF1ParameterSpec.SHA1;
            rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec(digest, "MGF1", mgf, PSource.PSpecified.DEFAULT));
            cek = rsa.doFinal(encryptedKey);
            if (cek.length != 32) {
                return null;
            }
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            aes.updateAAD(aad);
            return aes.doFinal(input);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A wrong key and a modified token look the same: neither opens.
            return null;
        } finally {
            if (cek != null) {
                Arrays.fill(cek, (byte) 0);
            }
        }
    }

    private static String string(JsonObject header, String name) throws InvalidTokenException {
        JsonValue value = header.get(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidTokenException("header " + name + " missing");
    }
}
