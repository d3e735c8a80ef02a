package io.sigil.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tests' own JWE encryption (RFC 7516 compact, RSA-OAEP-256 with A256GCM), written from the
 * RFCs on the JDK, independently of Sigil's token core, so that the server is tested against a
 * second implementation. Any header can be written, hostile ones included. Test code only.
 */
final class TestJwe {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The public half of the server's {@code mp.jwt.decrypt.key.location}. */
    static final PublicKey SERVER_KEY = publicKey(TestKeys.text("decrypt-rsa.spki.pem"));

    private TestJwe() {
    }

    /**
     * @param headerJson the protected header
     * @param recipient  the RSA public key
     * @param sha256     RSA-OAEP-256 if true, else RSA-OAEP (whatever the header says)
     * @param plaintext  the content
     * @return the JWE
     */
    static String encrypt(String headerJson, PublicKey recipient, boolean sha256, String plaintext) {
        String header = B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8));
        byte[] cek = new byte[32];
        byte[] iv = new byte[12];
        RANDOM.nextBytes(cek);
        RANDOM.nextBytes(iv);
        try {
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.ENCRYPT_MODE, recipient, sha256
                    ? new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)
                    : new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
            gcm.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] out = gcm.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return header + "." + B64.encodeToString(oaep.doFinal(cek)) + "." + B64.encodeToString(iv) + "."
                    + B64.encodeToString(Arrays.copyOf(out, out.length - 16)) + "."
                    + B64.encodeToString(Arrays.copyOfRange(out, out.length - 16, out.length));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** @return a nested token for the server: RSA-OAEP-256, A256GCM, cty JWT */
    static String nested(String jws) {
        return encrypt("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"cty\":\"JWT\"}", SERVER_KEY, true, jws);
    }

    /** @return a fresh RSA 2048 public key that is not the server's */
    static PublicKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** @return the JWE with one part replaced */
    static String withPart(String jwe, int index, String part) {
        String[] parts = jwe.split("\\.", -1);
        parts[index] = part;
        return String.join(".", parts);
    }

    /** @return the JWE with the lowest bit of one part's first byte flipped */
    static String flipped(String jwe, int index) {
        byte[] bytes = Base64.getUrlDecoder().decode(jwe.split("\\.", -1)[index]);
        bytes[0] ^= 1;
        return withPart(jwe, index, B64.encodeToString(bytes));
    }

    private static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(TestKeys.pemBody(pem)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
