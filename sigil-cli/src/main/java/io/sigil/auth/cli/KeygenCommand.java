package io.sigil.auth.cli;

import io.sigil.auth.token.JwkThumbprint;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.VerificationKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * {@code keygen}: a random HMAC secret (base64url, the hash's size), or a key pair as a private
 * JWK with {@code kid} and {@code alg}, and optionally its public JWK or JWK Set. The secret or
 * private key goes only where asked: a new owner-only file, or standard output. Stateless.
 */
final class KeygenCommand {

    private static final int MAX_RSA_BITS = 16384;

    private KeygenCommand() {
    }

    static int run(List<String> arguments, Terminal terminal) throws UsageException {
        CliArgs args = CliArgs.parse(arguments, Set.of("alg", "kid", "rsa-bits", "out", "public-out"), Set.of("jwks"));
        args.maxOperands(0);
        JwsAlgorithm algorithm = Algorithms.parse(args.value("alg")
                .orElseThrow(() -> new UsageException("--alg is required (HS256, RS256, ES256, EdDSA, ...)")));
        SecureRandom random = new SecureRandom();
        if (algorithm.isSymmetric()) {
            if (args.value("public-out").isPresent() || args.flag("jwks") || args.value("rsa-bits").isPresent()
                    || args.value("kid").isPresent()) {
                throw new UsageException(algorithm + " makes a shared secret: --kid, --public-out, --jwks and"
                        + " --rsa-bits do not apply");
            }
            byte[] secret = new byte[algorithm.minimumKeyBytes()];
            random.nextBytes(secret);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            KeyFiles.writeSecret(args.value("out"), text, terminal);
            terminal.err().println("sigil keygen: " + algorithm + " secret, " + secret.length + " random bytes,"
                    + " base64url" + args.value("out").map(file -> ", written to " + file + " (owner-only)").orElse(""));
            return SigilCli.OK;
        }
        int rsaBits = rsaBits(args, algorithm);
        KeyPair pair = generate(algorithm, rsaBits, random);
        String keyId = args.value("kid").orElseGet(() -> JwkThumbprint.of(verificationKey(algorithm, null, pair, rsaBits)));
        if (keyId.isBlank()) {
            throw new UsageException("--kid must not be empty");
        }
        KeyFiles.writeSecret(args.value("out"), Terminal.pretty(Jwk.privateJwk(algorithm, keyId, pair)), terminal);
        if (args.value("public-out").isPresent()) {
            JsonObject publicJwk = publicJwk(algorithm, keyId, pair, rsaBits);
            KeyFiles.writePublic(args.value("public-out").get(), Terminal.pretty(args.flag("jwks")
                    ? Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(publicJwk)).build()
                    : publicJwk));
        } else if (args.flag("jwks")) {
            throw new UsageException("--jwks needs --public-out");
        }
        terminal.err().println("sigil keygen: " + algorithm + " key pair, kid " + keyId
                + args.value("out").map(file -> ", private JWK written to " + file + " (owner-only)").orElse("")
                + args.value("public-out").map(file -> ", public " + (args.flag("jwks") ? "JWK Set" : "JWK")
                        + " written to " + file).orElse(""));
        return SigilCli.OK;
    }

    /** The public JWK as the server would publish it, through the core's key checks. */
    private static JsonObject publicJwk(JwsAlgorithm algorithm, String keyId, KeyPair pair, int rsaBits) {
        return Jwk.publicJwk(verificationKey(algorithm, keyId, pair, rsaBits))
                .orElseThrow(() -> new IllegalStateException("no public JWK for " + algorithm));
    }

    private static VerificationKey verificationKey(JwsAlgorithm algorithm, String keyId, KeyPair pair, int rsaBits) {
        return VerificationKey.of(algorithm, keyId, pair.getPublic(), rsaBits);
    }

    private static int rsaBits(CliArgs args, JwsAlgorithm algorithm) throws UsageException {
        if (args.value("rsa-bits").isEmpty()) {
            return JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS;
        }
        if (!algorithm.jwkKeyType().equals("RSA")) {
            throw new UsageException("--rsa-bits applies to RS and PS algorithms only");
        }
        try {
            int bits = Integer.parseInt(args.value("rsa-bits").get());
            if (bits >= JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS && bits <= MAX_RSA_BITS) {
                return bits;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UsageException("--rsa-bits must be a number from " + JwsAlgorithm.DEFAULT_MINIMUM_RSA_BITS
                + " to " + MAX_RSA_BITS);
    }

    private static KeyPair generate(JwsAlgorithm algorithm, int rsaBits, SecureRandom random) {
        try {
            KeyPairGenerator generator;
            switch (algorithm.family()) {
                case RSA, RSA_PSS -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(rsaBits, random);
                }
                case ECDSA -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(algorithm.curveName()), random);
                }
                case EDDSA -> generator = KeyPairGenerator.getInstance("Ed25519");
                default -> throw new IllegalArgumentException(algorithm.name());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate " + algorithm + " keys", e);
        }
    }
}
