package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a signed token for a recipient's RSA public key into a nested JWE (RFC 7516 compact
 * serialization, {@code cty} {@code JWT}, content encrypted with {@code A256GCM}), as an issuer
 * does before handing out a token only the recipient can read. Used by the command-line tool and
 * by tests; {@link JweDecryptor} is its counterpart. Thread-safe.
 */
public final class JweEncryptor {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RSAPublicKey recipient;
    private final JweAlgorithm algorithm;
    private final String keyId;

    /**
     * @param recipient   the recipient's RSA public key, at least {@value DecryptionKey#MINIMUM_RSA_BITS} bits
     * @param algorithm   the key management algorithm
     * @param keyId       the {@code kid} written into the header, or {@code null}
     * @throws InvalidKeyMaterialException if the key is too small
     */
    public JweEncryptor(RSAPublicKey recipient, JweAlgorithm algorithm, String keyId) {
        if (recipient.getModulus().bitLength() < DecryptionKey.MINIMUM_RSA_BITS) {
            throw new InvalidKeyMaterialException("the RSA key has "
                    + recipient.getModulus().bitLength() + " bits; at least " + DecryptionKey.MINIMUM_RSA_BITS
                    + " are required");
        }
        this.recipient = recipient;
        this.algorithm = algorithm;
        this.keyId = keyId;
    }

    /**
     * @param signedToken a JWS compact token
     * @return the nested JWE, {@code cty} {@code JWT}
     */
    public String encryptNested(String signedToken) {
        return encrypt(signedToken.getBytes(StandardCharsets.US_ASCII), "JWT");
    }

    /**
     * @param plaintext   the content
     * @param contentType the {@code cty} header, or {@code null} for none
     * @return the JWE compact serialization
     */
    public String encrypt(byte[] plaintext, String contentType) {
        JsonObjectBuilder header = Json.createObjectBuilder().add("alg", algorithm.joseName())
                .add("enc", JweDecryptor.ENC);
        if (keyId != null) {
            header.add("kid", keyId);
        }
        if (contentType != null) {
            header.add("cty", contentType);
        }
        String encodedHeader = Base64Url.encode(header.build().toString().getBytes(StandardCharsets.UTF_8));
        byte[] cek = new byte[32];
        RANDOM.nextBytes(cek);
        try {
            return seal(encodedHeader, recipient, algorithm, cek, plaintext);
        } finally {
            Arrays.fill(cek, (byte) 0);
        }
    }

    /**
     * Encrypts under any header; tests build hostile tokens with it.
     *
     * @param encodedHeader the protected header, base64url
     * @param recipient     the RSA public key
     * @param algorithm     how the content key is encrypted, whatever the header says
     * @param cek           the content key (32 bytes for A256GCM)
     * @param plaintext     the content
     * @return the JWE compact serialization
     */
    static String seal(String encodedHeader, PublicKey recipient, JweAlgorithm algorithm, byte[] cek,
                       byte[] plaintext) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher rsa = Cipher.getInstance(JweAlgorithm.TRANSFORMATION);
            rsa.init(Cipher.ENCRYPT_MODE, recipient, algorithm.parameters());
            byte[] encryptedKey = rsa.doFinal(cek);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
            aes.updateAAD(encodedHeader.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = aes.doFinal(plaintext);
            int split = sealed.length - 16;
            return encodedHeader + '.' + Base64Url.encode(encryptedKey) + '.' + Base64Url.encode(iv) + '.'
                    + Base64Url.encode(Arrays.copyOf(sealed, split)) + '.'
                    + Base64Url.encode(Arrays.copyOfRange(sealed, split, sealed.length));
        } catch (GeneralSecurityException e) {
            // RSA-OAEP and AES-GCM are in every Java SE runtime; a failure here is a broken JDK or key
            throw new IllegalStateException("the JDK cannot encrypt with " + algorithm + " and A256GCM", e);
        }
    }
}
