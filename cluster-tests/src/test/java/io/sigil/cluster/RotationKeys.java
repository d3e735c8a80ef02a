package io.sigil.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Two HS256 keys made for one test run, {@code rotation-old} and {@code rotation-new}, and the
 * JWK Set file each node reads as {@code sigil.verify.keys.location}. The test rewrites that file
 * to rotate keys on a running cluster, and mints tokens under either key. Immutable but for the
 * file.
 */
final class RotationKeys {

    static final String OLD = "rotation-old";
    static final String NEW = "rotation-new";
    /** How often the nodes look at the file ({@code sigil.keys.reload-interval}). */
    static final Duration RELOAD = Duration.ofSeconds(1);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] OLD_SECRET = random();
    private static final byte[] NEW_SECRET = random();

    private RotationKeys() {
    }

    /**
     * Writes the file with the old key only, and answers the server arguments that point the
     * nodes at it.
     */
    static String serverArgs(Path file) throws IOException {
        write(file, OLD);
        return "-Dsigil.verify.keys.location=" + file + " -Dsigil.keys.reload-interval=PT" + RELOAD.toSeconds() + "S";
    }

    /** Replaces the file atomically, as an operator should, with the named keys. */
    static void write(Path file, String... kids) throws IOException {
        StringBuilder keys = new StringBuilder();
        for (String kid : kids) {
            keys.append(keys.length() == 0 ? "" : ",").append("{\"kty\":\"oct\",\"alg\":\"HS256\",\"kid\":\"")
                    .append(kid).append("\",\"k\":\"").append(B64.encodeToString(secret(kid))).append("\"}");
        }
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, "{\"keys\":[" + keys + "]}", StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Signs a token for a caller under one of the keys, valid for 15 minutes, with a {@code jti}. */
    static String token(String kid, String caller) {
        return token(kid, caller, true);
    }

    /** Signs a token for a caller under one of the keys, valid for 15 minutes. */
    static String token(String kid, String caller, boolean withTokenId) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String claims = "{\"iss\":\"sigil\",\"sub\":\"" + caller + "\",\"upn\":\"" + caller
                + "\",\"groups\":[\"user\"],\"iat\":" + now + ",\"exp\":" + (now + 900)
                + (withTokenId ? ",\"jti\":\"" + UUID.randomUUID() + "\"" : "") + "}";
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(kid), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    private static byte[] secret(String kid) {
        return OLD.equals(kid) ? OLD_SECRET : NEW_SECRET;
    }

    private static byte[] random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
