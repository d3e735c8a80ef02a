import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes the keys and tokens of one run of bench/load/run.sh, with the JDK alone (run as a source
 * file: {@code java bench/load/MintTokens.java DIR LIFETIME_SECONDS}). Fresh keys every run;
 * nothing here is committed or reused.
 *
 * <p>Writes into DIR: {@code secret.txt} (the HS256 secret, base64url, for SIGIL_SECRET),
 * {@code hs256.jwk.json} (the same secret as an oct JWK, for WildFly's MP-JWT),
 * {@code rs256.jwk.json} (the RS256 public JWK, for WildFly's MP-JWT), {@code outside.jwks.json}
 * (the RS256, ES256 and EdDSA public keys, each with its kid, for Sigil's
 * mp.jwt.verify.publickey.location), and one token per algorithm, {@code ALG.token}: issuer
 * {@code sigil}, caller {@code alice}, group {@code user}, valid from now for LIFETIME_SECONDS.
 */
public final class MintTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java MintTokens.java DIR LIFETIME_SECONDS");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        long lifetime = Long.parseLong(args[1]);
        long now = System.currentTimeMillis() / 1000;
        SecureRandom random = new SecureRandom();

        byte[] secret = new byte[32];
        random.nextBytes(secret);
        write(dir, "secret.txt", B64.encodeToString(secret));
        write(dir, "hs256.jwk.json", "{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"" + B64.encodeToString(secret) + "\"}");

        KeyPair rsa = generate("RSA", 2048);
        KeyPair ec = generate("EC", 0);
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String rsaJwk = rsaJwk((RSAPublicKey) rsa.getPublic());
        write(dir, "rs256.jwk.json", rsaJwk);
        write(dir, "outside.jwks.json", "{\"keys\":[" + rsaJwk + "," + ecJwk((ECPublicKey) ec.getPublic()) + ","
                + edJwk(ed.getPublic().getEncoded()) + "]}");

        write(dir, "hs256.token", hs256(secret, claims(now, lifetime, "hs256")));
        write(dir, "rs256.token", sign("RS256", "bench-rs256", "SHA256withRSA", rsa.getPrivate(),
                claims(now, lifetime, "rs256")));
        write(dir, "es256.token", sign("ES256", "bench-es256", "SHA256withECDSAinP1363Format", ec.getPrivate(),
                claims(now, lifetime, "es256")));
        write(dir, "eddsa.token", sign("EdDSA", "bench-eddsa", "Ed25519", ed.getPrivate(),
                claims(now, lifetime, "eddsa")));
    }

    private static String claims(long now, long lifetime, String id) {
        return "{\"iss\":\"sigil\",\"sub\":\"alice\",\"upn\":\"alice\",\"groups\":[\"user\"],\"iat\":" + now
                + ",\"exp\":" + (now + lifetime) + ",\"jti\":\"bench-" + id + "-" + now + "\"}";
    }

    private static String hs256(byte[] secret, String claims) throws Exception {
        String input = part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + part(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String sign(String alg, String kid, String jdkAlgorithm, PrivateKey key, String claims)
            throws Exception {
        String input = part("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + part(claims);
        Signature signature = Signature.getInstance(jdkAlgorithm);
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature.sign());
    }

    private static KeyPair generate(String algorithm, int rsaBits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (rsaBits > 0) {
            generator.initialize(rsaBits);
        } else {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return generator.generateKeyPair();
    }

    private static String rsaJwk(RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"bench-rs256\",\"n\":\""
                + B64.encodeToString(unsigned(key.getModulus(), 0)) + "\",\"e\":\""
                + B64.encodeToString(unsigned(key.getPublicExponent(), 0)) + "\"}";
    }

    private static String ecJwk(ECPublicKey key) {
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\",\"use\":\"sig\",\"kid\":\"bench-es256\",\"x\":\""
                + B64.encodeToString(unsigned(key.getW().getAffineX(), 32)) + "\",\"y\":\""
                + B64.encodeToString(unsigned(key.getW().getAffineY(), 32)) + "\"}";
    }

    /** An Ed25519 public key's X.509 encoding ends with the 32 bytes a JWK's {@code x} holds. */
    private static String edJwk(byte[] x509) {
        byte[] x = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",\"use\":\"sig\",\"kid\":\"bench-eddsa\",\"x\":\""
                + B64.encodeToString(x) + "\"}";
    }

    /** Big-endian without a sign byte, left-padded to {@code length} when it is positive. */
    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return bytes;
    }

    private static String part(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path dir, String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content + "\n");
    }
}
