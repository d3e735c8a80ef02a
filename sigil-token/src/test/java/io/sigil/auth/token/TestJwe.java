package io.sigil.auth.token;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * Builds JWEs with any protected header, for hostile cases that {@link JweEncryptor} (which
 * writes only sound headers) cannot produce: a {@code zip}, a {@code crit}, a foreign
 * {@code enc}. Test code only.
 */
final class TestJwe {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static KeyPair rsa;
    private static KeyPair other;

    private TestJwe() {
    }

    /** @return the recipient's RSA 2048 key pair, generated once */
    static synchronized KeyPair pair() {
        if (rsa == null) {
            rsa = generate();
        }
        return rsa;
    }

    /** @return a second RSA 2048 key pair, not the recipient's */
    static synchronized KeyPair otherPair() {
        if (other == null) {
            other = generate();
        }
        return other;
    }

    static JweDecryptor decryptor(JweAlgorithm... algorithms) {
        return new JweDecryptor(List.of(DecryptionKey.of(null, pair().getPrivate(),
                EnumSet.copyOf(Arrays.asList(algorithms)))), 8192);
    }

    /**
     * @param headerJson the protected header, as written (single quotes become double quotes)
     * @param recipient  the RSA public key the content key is encrypted for
     * @param algorithm  how the content key is encrypted (whatever the header says)
     * @param cekLength  the content key's length (32 for A256GCM)
     * @param plaintext  the content
     * @return the JWE compact serialization
     */
    static String seal(String headerJson, PublicKey recipient, JweAlgorithm algorithm, int cekLength, byte[] plaintext) {
        byte[] cek = new byte[cekLength];
        RANDOM.nextBytes(cek);
        return JweEncryptor.seal(TestJws.b64(TestJws.json(headerJson)), recipient, algorithm, cek, plaintext);
    }

    static String seal(String headerJson, byte[] plaintext) {
        return seal(headerJson, pair().getPublic(), JweAlgorithm.RSA_OAEP_256, 32, plaintext);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
