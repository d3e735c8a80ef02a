package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;
import io.sigil.auth.token.internal.StrictJson;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts encrypted tokens in the JWE compact serialization (RFC 7516) whose content key is
 * wrapped with {@link JweAlgorithm RSA-OAEP or RSA-OAEP-256} and whose content is encrypted with
 * {@code A256GCM}, on the JDK's crypto alone.
 *
 * <p>Order: the length (before anything else); exactly five parts of strict base64url; the
 * protected header, parsed strictly ({@code alg} one of the key's algorithms, {@code enc}
 * exactly {@code A256GCM}; {@code zip}, {@code crit}, {@code jku}, {@code jwk}, {@code x5u} and
 * {@code x5c} refused; {@code typ}, when present, {@code JWT}); a 96-bit IV and a 128-bit tag;
 * the key, by {@code kid} as {@link TokenVerifier} chooses signature keys; then the content key,
 * and the content, whose tag authenticates the protected header as well.
 *
 * <p>No oracle: when the RSA step fails, or yields a key that is not 32 bytes, or the encrypted
 * key does not have the modulus' length, a random content key takes its place and decryption
 * fails at the tag, as RFC 7516 section 11.5 advises; and every failure, whatever its cause, is
 * thrown as the same reason {@link #REFUSED}, with the detail only in the cause (for FINE logs).
 *
 * <p>Thread-safe: the keys are immutable and a cipher is created per call.
 */
public final class JweDecryptor {

    /** The one reason of every refusal. */
    public static final String REFUSED = "encrypted token refused";

    /** The only content encryption algorithm accepted. */
    static final String ENC = "A256GCM";
    private static final int CEK_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    /** Header members refused: compression, extensions, and keys carried or pointed at. */
    private static final List<String> REFUSED_MEMBERS = List.of("zip", "crit", "jku", "jwk", "x5u", "x5c");

    private final List<DecryptionKey> keys;
    private final int maxTokenLength;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys           the decryption keys, at least one
     * @param maxTokenLength the longest token accepted, in characters; checked before anything else
     */
    public JweDecryptor(List<DecryptionKey> keys, int maxTokenLength) {
        if (keys.isEmpty()) {
            throw new InvalidKeyMaterialException("a JWE decryptor needs at least one key");
        }
        this.keys = List.copyOf(keys);
        this.maxTokenLength = maxTokenLength;
    }

    /**
     * The content of a token that decrypted.
     *
     * @param plaintext   the decrypted content
     * @param contentType the header's {@code cty}, or {@code null}
     * @param keyId       the header's {@code kid}, or {@code null}
     */
    public record Decrypted(byte[] plaintext, String contentType, String keyId) {
    }

    /** @return the keys, for log lines */
    public List<DecryptionKey> keys() {
        return keys;
    }

    /**
     * Decrypts a token.
     *
     * @param compact the JWE compact serialization, as presented
     * @return the content and the header members a caller needs
     * @throws InvalidTokenException with the reason {@link #REFUSED}, whatever was wrong; nothing
     *                               else is thrown for any input
     */
    public Decrypted decrypt(String compact) throws InvalidTokenException {
        try {
            return decryptStrictly(compact);
        } catch (InvalidTokenException e) {
            throw new InvalidTokenException(REFUSED, e);
        } catch (RuntimeException e) {
            throw new InvalidTokenException(REFUSED, e);
        }
    }

    private Decrypted decryptStrictly(String compact) throws InvalidTokenException {
        if (compact == null || compact.isEmpty()) {
            throw new InvalidTokenException("empty token");
        }
        if (compact.length() > maxTokenLength) {
            throw new InvalidTokenException("token too long");
        }
        int[] dots = dots(compact);
        byte[] headerBytes = Base64Url.decode(compact, 0, dots[0]);
        byte[] encryptedKey = Base64Url.decode(compact, dots[0] + 1, dots[1]);
        byte[] iv = Base64Url.decode(compact, dots[1] + 1, dots[2]);
        byte[] ciphertext = Base64Url.decode(compact, dots[2] + 1, dots[3]);
        byte[] tag = Base64Url.decode(compact, dots[3] + 1, compact.length());
        JsonObject header = StrictJson.parseObject(headerBytes, "header");
        JweAlgorithm algorithm = checkHeader(header);
        String keyId = StrictJson.optionalString(header, "kid");
        String contentType = StrictJson.optionalString(header, "cty");
        if (iv.length != IV_BYTES || tag.length != TAG_BYTES) {
            throw new InvalidTokenException("wrong IV or tag length");
        }
        // the base64url check has passed: the header's characters are ASCII
        byte[] aad = compact.substring(0, dots[0]).getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = new byte[ciphertext.length + TAG_BYTES];
        System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
        System.arraycopy(tag, 0, sealed, ciphertext.length, TAG_BYTES);
        for (DecryptionKey key : candidates(keyId, algorithm)) {
            byte[] plaintext = open(contentKey(key, algorithm, encryptedKey), iv, aad, sealed);
            if (plaintext != null) {
                return new Decrypted(plaintext, contentType, keyId);
            }
        }
        throw new InvalidTokenException("tag mismatch");
    }

    /** @return the positions of exactly four dots */
    private static int[] dots(String compact) throws InvalidTokenException {
        int[] dots = new int[4];
        int count = 0;
        for (int i = compact.indexOf('.'); i >= 0; i = compact.indexOf('.', i + 1)) {
            if (count == dots.length) {
                throw new InvalidTokenException("encrypted token must have exactly five parts");
            }
            dots[count++] = i;
        }
        if (count != dots.length) {
            throw new InvalidTokenException("encrypted token must have exactly five parts");
        }
        return dots;
    }

    private static JweAlgorithm checkHeader(JsonObject header) throws InvalidTokenException {
        JweAlgorithm algorithm = JweAlgorithm.fromJoseName(StrictJson.optionalString(header, "alg"))
                .orElseThrow(() -> new InvalidTokenException("unsupported alg"));
        if (!ENC.equals(StrictJson.optionalString(header, "enc"))) {
            throw new InvalidTokenException("unsupported enc");
        }
        for (String name : REFUSED_MEMBERS) {
            if (header.containsKey(name)) {
                throw new InvalidTokenException("header member " + name + " is not supported");
            }
        }
        String typ = StrictJson.optionalString(header, "typ");
        if (typ != null && !typ.equalsIgnoreCase("JWT") && !typ.equalsIgnoreCase("application/jwt")) {
            throw new InvalidTokenException("unexpected typ");
        }
        return algorithm;
    }

    /**
     * The key named by {@code kid}; else, for a token without a kid every key, for one with an
     * unknown kid the keys without a kid; in both cases only keys bound to the algorithm, at most
     * {@link KeyResolver#MAX_CANDIDATES}.
     */
    private List<DecryptionKey> candidates(String keyId, JweAlgorithm algorithm) throws InvalidTokenException {
        List<DecryptionKey> candidates = new ArrayList<>();
        for (DecryptionKey key : keys) {
            if (keyId != null && keyId.equals(key.keyId())) {
                if (!key.algorithms().contains(algorithm)) {
                    throw new InvalidTokenException("algorithm does not match the key");
                }
                return List.of(key);
            }
            if ((keyId == null || key.keyId() == null) && key.algorithms().contains(algorithm)
                    && candidates.size() < KeyResolver.MAX_CANDIDATES) {
                candidates.add(key);
            }
        }
        if (candidates.isEmpty()) {
            throw new InvalidTokenException(keyId != null ? "unknown kid" : "algorithm does not match the key");
        }
        return candidates;
    }

    /**
     * Unwraps the content key; on any failure, or a key that is not 32 bytes, a random key of 32
     * bytes instead, drawn before the attempt so that both paths do the same work.
     */
    private byte[] contentKey(DecryptionKey key, JweAlgorithm algorithm, byte[] encryptedKey) {
        byte[] substitute = new byte[CEK_BYTES];
        random.nextBytes(substitute);
        if (encryptedKey.length != key.modulusBytes()) {
            return substitute;
        }
        try {
            Cipher rsa = Cipher.getInstance(JweAlgorithm.TRANSFORMATION);
            rsa.init(Cipher.DECRYPT_MODE, key.privateKey(), algorithm.parameters());
            byte[] cek = rsa.doFinal(encryptedKey);
            return cek.length == CEK_BYTES ? cek : substitute;
        } catch (GeneralSecurityException | RuntimeException e) {
            return substitute;
        }
    }

    /** @return the plaintext, or {@code null} if the tag does not verify */
    private static byte[] open(byte[] cek, byte[] iv, byte[] aad, byte[] sealed) {
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            aes.updateAAD(aad);
            return aes.doFinal(sealed);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
