package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Encrypted tokens (JWE, RSA-OAEP(-256) + A256GCM) made here with the JDK and opened by {@link JweDecryptor}. */
class JweDecryptorTest {

    private static final String INNER = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
    private static KeyPair pair;
    private static KeyPair other;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
        other = generator.generateKeyPair();
    }

    @Test
    void decrypt_rsaOaep256_givesTheInnerToken() throws Exception {
        assertThat(decryptor(JweDecryptor.ALGORITHMS).decrypt(encrypt("RSA-OAEP-256", "JWT", pair))).isEqualTo(INNER);
    }

    @Test
    void decrypt_rsaOaep_givesTheInnerToken() throws Exception {
        assertThat(decryptor(JweDecryptor.ALGORITHMS).decrypt(encrypt("RSA-OAEP", "JWT", pair))).isEqualTo(INNER);
    }

    @Test
    void decrypt_algorithmNotConfigured_isRejected() throws Exception {
        String token = encrypt("RSA-OAEP", "JWT", pair);

        assertThat(reason(decryptor(Set.of("RSA-OAEP-256")), token)).contains("algorithm");
    }

    @Test
    void decrypt_withoutCtyJwt_isRejected() throws Exception {
        assertThat(reason(decryptor(JweDecryptor.ALGORITHMS), encrypt("RSA-OAEP-256", null, pair))).contains("cty");
    }

    @Test
    void decrypt_otherKey_isRejected() throws Exception {
        assertThat(reason(decryptor(JweDecryptor.ALGORITHMS), encrypt("RSA-OAEP-256", "JWT", other))).contains("open");
    }

    @Test
    void decrypt_modifiedCiphertext_isRejected() throws Exception {
        String[] parts = encrypt("RSA-OAEP-256", "JWT", pair).split("\\.");
        char c = parts[3].charAt(0);
        parts[3] = (c == 'A' ? 'B' : 'A') + parts[3].substring(1);

        assertThat(reason(decryptor(JweDecryptor.ALGORITHMS), String.join(".", parts))).contains("open");
    }

    @Test
    void isEncrypted_countsFiveParts() {
        assertThat(JweDecryptor.isEncrypted("a.b.c.d.e")).isTrue();
        assertThat(JweDecryptor.isEncrypted(INNER)).isFalse();
    }

    private static JweDecryptor decryptor(Set<String> algorithms) {
        return new JweDecryptor(List.of(new JweDecryptor.Key(null, (RSAPrivateKey) pair.getPrivate())), algorithms);
    }

    private static String reason(JweDecryptor decryptor, String token) {
        return catchThrowableOfType(InvalidTokenException.class, () -> decryptor.decrypt(token)).reason();
    }

    /** A JWE as RFC 7516 builds it, with the JDK only. */
    private static String encrypt(String alg, String cty, KeyPair to) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"enc\":\"A256GCM\""
                + (cty == null ? "" : ",\"cty\":\"" + cty + "\"") + "}").getBytes(StandardCharsets.UTF_8));
        SecureRandom random = new SecureRandom();
        byte[] cek = new byte[32];
        byte[] iv = new byte[12];
        random.nextBytes(cek);
        random.nextBytes(iv);
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        boolean sha256 = alg.equals("RSA-OAEP-256");
        rsa.init(Cipher.ENCRYPT_MODE, to.getPublic(), new OAEPParameterSpec(sha256 ? "SHA-256" : "SHA-1", "MGF1",
                sha256 ? MGF1ParameterSpec.SHA256 : MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
        byte[] encryptedKey = rsa.doFinal(cek);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = aes.doFinal(INNER.getBytes(StandardCharsets.US_ASCII));
        int split = sealed.length - 16;
        byte[] ciphertext = java.util.Arrays.copyOf(sealed, split);
        byte[] tag = java.util.Arrays.copyOfRange(sealed, split, sealed.length);
        return String.join(".", header, b64.encodeToString(encryptedKey), b64.encodeToString(iv),
                b64.encodeToString(ciphertext), b64.encodeToString(tag));
    }
}
