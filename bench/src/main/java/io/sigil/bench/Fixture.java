package io.sigil.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One algorithm's key and the one token every contender verifies: a typical access token (about
 * 340 characters for HS256) signed with the JDK alone, so no library under test made it.
 * Immutable after creation.
 */
public final class Fixture {

    /** The issuer every contender requires. */
    public static final String ISSUER = "sigil";
    /** The key id in the token's header. */
    public static final String KEY_ID = "bench-1";

    private final Alg alg;
    private final byte[] secret;
    private final KeyPair keyPair;
    private final String token;

    /** The benchmarked algorithms, with the JDK primitive each one is one call of. */
    public enum Alg {
        /** HMAC-SHA256, 32-byte secret. */
        HS256("HmacSHA256"),
        /** RSASSA-PKCS1-v1_5 with SHA-256, 2048-bit key. */
        RS256("SHA256withRSA"),
        /** ECDSA P-256 with SHA-256; JOSE's R||S is the JDK's P1363 format. */
        ES256("SHA256withECDSAinP1363Format"),
        /** Ed25519. */
        EdDSA("Ed25519");

        private final String jcaName;

        Alg(String jcaName) {
            this.jcaName = jcaName;
        }

        /** @return the JCA name of the one primitive call the floor makes */
        public String jcaName() {
            return jcaName;
        }
    }

    private Fixture(Alg alg, byte[] secret, KeyPair keyPair, String token) {
        this.alg = alg;
        this.secret = secret;
        this.keyPair = keyPair;
        this.token = token;
    }

    /**
     * Generates a fresh key and signs the token.
     *
     * @param alg the algorithm
     * @return the fixture
     * @throws GeneralSecurityException if the JDK lacks the algorithm
     */
    public static Fixture create(Alg alg) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] secret = null;
        KeyPair keyPair = null;
        switch (alg) {
            case HS256 -> {
                secret = new byte[32];
                random.nextBytes(secret);
            }
            case RS256 -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keyPair = generator.generateKeyPair();
            }
            case ES256 -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                keyPair = generator.generateKeyPair();
            }
            case EdDSA -> keyPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            default -> throw new IllegalArgumentException(alg.name());
        }
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"" + alg.name() + "\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"upn\":\"alice\","
                + "\"groups\":[\"admin\",\"user\"],\"iat\":" + now + ",\"exp\":" + (now + 86_400)
                + ",\"jti\":\"3q2-7wAAAAAAAAAAAAAAAA\"}";
        String signingInput = encode(header.getBytes(StandardCharsets.UTF_8)) + '.'
                + encode(claims.getBytes(StandardCharsets.UTF_8));
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        byte[] signature;
        if (alg == Alg.HS256) {
            Mac mac = Mac.getInstance(alg.jcaName());
            mac.init(new SecretKeySpec(secret, alg.jcaName()));
            signature = mac.doFinal(input);
        } else {
            Signature signer = Signature.getInstance(alg.jcaName());
            signer.initSign(keyPair.getPrivate());
            signer.update(input);
            signature = signer.sign();
        }
        return new Fixture(alg, secret, keyPair, signingInput + '.' + encode(signature));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return the algorithm */
    public Alg alg() {
        return alg;
    }

    /** @return a copy of the HMAC secret, or {@code null} for a key pair */
    public byte[] secret() {
        return secret == null ? null : secret.clone();
    }

    /** @return the key pair, or {@code null} for HS256 */
    public KeyPair keyPair() {
        return keyPair;
    }

    /** @return the token, valid for a day from creation */
    public String token() {
        return token;
    }

    /** @return the token with one bit of its signature's last byte flipped */
    public String tamperedToken() {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 1;
        return token.substring(0, dot + 1) + encode(signature);
    }
}
