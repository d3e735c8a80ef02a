package io.sigil.auth.cli;

import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.TokenIssuer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sign}: signs a claims JSON object with a key and prints the compact token. The header
 * is {@code alg} (the key's), {@code typ} JWT and the key's {@code kid}. Optionally sets
 * {@code exp} from a lifetime, {@code iat} to now and a random {@code jti}. With
 * {@code --encrypt-to}, the signed token is then encrypted for an RSA public key
 * ({@link CliEncryption}). Stateless.
 */
final class SignCommand {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private SignCommand() {
    }

    static int run(List<String> arguments, Terminal terminal) throws UsageException {
        Set<String> options = new HashSet<>(Set.of("key", "alg", "kid", "claims", "lifetime"));
        options.addAll(CliEncryption.SIGN_OPTIONS);
        CliArgs args = CliArgs.parse(arguments, options, Set.of("iat", "jti"));
        args.maxOperands(0);
        String keySource = args.value("key").orElseThrow(() -> new UsageException("--key is required"));
        JwsAlgorithm algorithm = args.value("alg").isPresent() ? Algorithms.parse(args.value("alg").get()) : null;
        SigningKey key = CliKeys.signingKey(keySource, algorithm, args.value("kid").orElse(null), terminal);
        if (algorithm != null && algorithm != key.algorithm()) {
            throw new UsageException("--alg " + algorithm + " does not match the key's algorithm " + key.algorithm());
        }
        String claimsText = args.value("claims").isPresent()
                ? KeyFiles.read(args.value("claims").get(), terminal) : terminal.readInput("the claims");
        JsonObject claims = completed(parseClaims(claimsText), args, Clock.systemUTC().instant());
        if (!claims.containsKey("exp")) {
            terminal.err().println("sigil sign: warning: the token has no \"exp\"; Sigil's verifier refuses such"
                    + " tokens (give --lifetime)");
        }

        JsonObjectBuilder header = Json.createObjectBuilder().add("alg", key.algorithm().joseName()).add("typ", "JWT");
        if (key.keyId() != null) {
            header.add("kid", key.keyId());
        }
        String signingInput = B64.encodeToString(header.build().toString().getBytes(StandardCharsets.UTF_8)) + '.'
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        terminal.out().println(CliEncryption.encryptIfAsked(signingInput + '.' + B64.encodeToString(signature), args,
                terminal));
        return SigilCli.OK;
    }

    private static JsonObject parseClaims(String text) throws UsageException {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new UsageException("the claims are not a JSON object");
        }
    }

    private static JsonObject completed(JsonObject claims, CliArgs args, Instant now) throws UsageException {
        JsonObjectBuilder result = Json.createObjectBuilder(claims);
        if (args.value("lifetime").isPresent()) {
            refuseOverride(claims, "exp", "--lifetime");
            Duration lifetime;
            try {
                lifetime = TokenIssuer.checkLifetime(Duration.parse(args.value("lifetime").get().strip()));
            } catch (DateTimeParseException e) {
                throw new UsageException("--lifetime must be an ISO-8601 duration such as PT15M");
            } catch (IllegalArgumentException e) {
                throw new UsageException("--lifetime must be between " + TokenIssuer.MIN_LIFETIME + " and "
                        + TokenIssuer.MAX_LIFETIME);
            }
            result.add("exp", now.plus(lifetime).getEpochSecond());
        }
        if (args.flag("iat")) {
            refuseOverride(claims, "iat", "--iat");
            result.add("iat", now.getEpochSecond());
        }
        if (args.flag("jti")) {
            refuseOverride(claims, "jti", "--jti");
            byte[] id = new byte[16];
            new SecureRandom().nextBytes(id);
            result.add("jti", B64.encodeToString(id));
        }
        return result.build();
    }

    private static void refuseOverride(JsonObject claims, String claim, String option) throws UsageException {
        if (claims.containsKey(claim)) {
            throw new UsageException("the claims already have \"" + claim + "\"; drop it or " + option);
        }
    }
}
