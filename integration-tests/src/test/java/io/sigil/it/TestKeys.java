package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;

/**
 * The test-only key material under {@code src/test/resources/keys} (see the README there), and
 * JWS signing with the JDK alone, independently of Sigil's code: RS256, ES256 (JOSE's raw
 * R||S form) and EdDSA. The server under test is configured with the public halves by the
 * build, in one place: the Failsafe configuration of {@code integration-tests/pom.xml}.
 */
final class TestKeys {

    /** The build's copy of the key directory; the rotation test rewrites files in it. */
    static final Path DIR = Path.of(System.getProperty("sigil.it.keys", "target/test-classes/keys"));

    private TestKeys() {
    }

    /** A private key of the test and the algorithm and kid the server knows it under. */
    record SigningKey(String alg, String kid, PrivateKey key) {

        /** @return a compact JWS over the claims, with this key's alg and kid */
        String sign(String claimsJson) {
            return sign("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", claimsJson);
        }

        /** @return a compact JWS with the given header, signed with this key */
        String sign(String headerJson, String claimsJson) {
            String input = TestTokens.b64(headerJson) + "." + TestTokens.b64(claimsJson);
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature(input));
        }

        private byte[] signature(String input) {
            try {
                String jca = switch (alg) {
                    case "RS256" -> "SHA256withRSA";
                    case "ES256" -> "SHA256withECDSA";
                    case "EdDSA" -> "Ed25519";
                    default -> throw new IllegalArgumentException(alg);
                };
                Signature signature = Signature.getInstance(jca);
                signature.initSign(key);
                signature.update(input.getBytes(StandardCharsets.US_ASCII));
                byte[] raw = signature.sign();
                return alg.equals("ES256") ? derToJose(raw, 32) : raw;
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The outside issuer's keys, whose public JWK Set is {@code mp.jwt.verify.publickey.location}. */
    static final SigningKey OUTSIDE_RS256 = load("RS256", "outside-rs256", "RSA");
    static final SigningKey OUTSIDE_ES256 = load("ES256", "outside-es256", "EC");
    static final SigningKey OUTSIDE_EDDSA = load("EdDSA", "outside-eddsa", "Ed25519");
    /** The keys of the two outside issuers of {@code sigil.issuers}: "issuer-a" and a Keycloak-shaped one. */
    static final SigningKey ISSUER_A_ES256 = load("ES256", "issuer-a-es256", "EC");
    static final SigningKey KEYCLOAK_RS256 = load("RS256", "keycloak-rs256", "RSA");
    /** The two keys of {@code sigil.verify.keys.location}, which the rotation test rewrites. */
    static final SigningKey ROTATION_OLD = load("ES256", "rotation-old", "EC");
    static final SigningKey ROTATION_NEW = load("ES256", "rotation-new", "EC");

    /** @return a key file's text */
    static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generous: the servers look at key files once a second, but this machine is shared and may be slow. */
    static final Duration RELOAD_DEADLINE = Duration.ofSeconds(60);

    /** @return a JWK Set of the single-JWK files named */
    static String jwkSet(String... jwkFiles) {
        StringBuilder set = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < jwkFiles.length; i++) {
            set.append(i == 0 ? "" : ",").append(text(jwkFiles[i]).trim());
        }
        return set.append("]}\n").toString();
    }

    /**
     * Replaces a key file atomically, as an operator's tooling should, and moves its modification
     * time forward so that a rewrite within the file system's timestamp granularity is seen.
     */
    static void replace(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "replace", ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        FileTime previous = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
        FileTime next = FileTime.fromMillis(Math.max(System.currentTimeMillis(), previous.toMillis() + 2000));
        Files.setLastModifiedTime(temp, next);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Polls until {@code probe} answers {@code expected}, at most {@link #RELOAD_DEADLINE}, then asserts it. */
    static <T> void await(Callable<T> probe, T expected, String what) throws Exception {
        Instant deadline = Instant.now().plus(RELOAD_DEADLINE);
        T last = probe.call();
        while (!expected.equals(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            last = probe.call();
        }
        assertThat(last).as("%s, within %s", what, RELOAD_DEADLINE).isEqualTo(expected);
    }

    /** @return an EC P-256 private JWK of the pair, for a signing key file */
    static String privateEcJwk(KeyPair pair, String kid) {
        String publicJwk = publicEcJwk(pair, kid);
        return publicJwk.substring(0, publicJwk.length() - 1) + ",\"d\":\""
                + b64(((ECPrivateKey) pair.getPrivate()).getS()) + "\"}";
    }

    /** @return the EC P-256 public JWK of the pair, for a file of verification keys */
    static String publicEcJwk(KeyPair pair, String kid) {
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        return "{\"kty\":\"EC\",\"kid\":\"" + kid + "\",\"alg\":\"ES256\",\"crv\":\"P-256\",\"x\":\""
                + b64(pub.getW().getAffineX()) + "\",\"y\":\"" + b64(pub.getW().getAffineY()) + "\"}";
    }

    private static String b64(BigInteger value) {
        byte[] fixed = new byte[32];
        copy(value, fixed, 0, 32);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    /** @return the DER bytes of a PEM document */
    static byte[] pemBody(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static SigningKey load(String alg, String kid, String keyFactory) {
        try (InputStream in = Files.newInputStream(DIR.resolve(kid + ".pkcs8.pem"))) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            PrivateKey key = KeyFactory.getInstance(keyFactory).generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem)));
            return new SigningKey(alg, kid, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Converts a DER ECDSA signature to JOSE's fixed-length R||S. */
    private static byte[] derToJose(byte[] der, int size) {
        int offset = der[1] < 0 ? 3 : 2; // SEQUENCE, length (1 or 2 bytes)
        int rLength = der[offset + 1];
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(der, offset + 2, offset + 2 + rLength));
        int sOffset = offset + 2 + rLength;
        int sLength = der[sOffset + 1];
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, sOffset + 2, sOffset + 2 + sLength));
        byte[] out = new byte[2 * size];
        copy(r, out, 0, size);
        copy(s, out, size, size);
        return out;
    }

    private static void copy(BigInteger value, byte[] out, int at, int size) {
        byte[] bytes = value.toByteArray();
        int from = Math.max(0, bytes.length - size);
        int length = bytes.length - from;
        System.arraycopy(bytes, from, out, at + size - length, length);
    }
}
