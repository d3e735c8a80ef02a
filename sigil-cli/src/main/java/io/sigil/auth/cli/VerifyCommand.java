package io.sigil.auth.cli;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.config.SigilConfigLoader;
import io.sigil.auth.config.SigilConfigurationException;
import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.KeyResolver;
import io.sigil.auth.token.NestedTokenVerifier;
import io.sigil.auth.token.TokenPolicy;
import io.sigil.auth.token.TokenVerifier;
import io.sigil.auth.token.VerifiedToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * {@code verify}: checks a token with the server's {@link TokenVerifier}, under keys from
 * {@code --key} or the server's configuration read by {@link SigilConfigLoader} from a
 * properties file. Encrypted tokens are decrypted with {@code --decrypt-key}, or the configuration's
 * {@code mp.jwt.decrypt.key.location}. Prints the claims (exit 0) or the reason (exit 1). Stateless.
 */
final class VerifyCommand {

    private VerifyCommand() {
    }

    static int run(List<String> arguments, Terminal terminal) throws UsageException {
        Set<String> options = new HashSet<>(Set.of("key", "config", "alg", "kid", "issuer", "audience", "skew",
                "max-age"));
        options.addAll(CliEncryption.VERIFY_OPTIONS);
        CliArgs args = CliArgs.parse(arguments, options, Set.of());
        args.maxOperands(1);
        ServerVerifier verifier;
        if (args.value("config").isPresent()) {
            for (String option : List.of("key", "alg", "kid", "issuer", "audience", "skew", "max-age", "decrypt-key",
                    "decrypt-alg")) {
                if (args.value(option).isPresent()) {
                    throw new UsageException("--" + option + " does not go with --config: the file says it all");
                }
            }
            verifier = fromConfig(args.value("config").get(), terminal);
        } else if (args.value("key").isPresent()) {
            JwsAlgorithm algorithm = args.value("alg").isPresent() ? Algorithms.parse(args.value("alg").get()) : null;
            KeyResolver keys = CliKeys.verificationKeys(args.value("key").get(), algorithm,
                    args.value("kid").orElse(null), terminal);
            TokenPolicy policy = policy(args);
            verifier = new ServerVerifier(new NestedTokenVerifier(new TokenVerifier(keys, policy, Clock.systemUTC()),
                    CliEncryption.decryptor(args, policy.maxTokenLength(), terminal)), Set.of());
        } else {
            throw new UsageException("give the keys: --key FILE (JWK, JWK Set, PEM or HMAC secret) or --config FILE"
                    + " (the server's properties)");
        }
        String token = terminal.token(args.operands());
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (InvalidTokenException e) {
            terminal.err().println("sigil verify: refused: " + e.reason());
            return SigilCli.REFUSED;
        }
        terminal.err().println("sigil verify: valid; caller " + verified.claims().name()
                + (verified.keyId() == null ? "" : ", kid " + verified.keyId())
                + ", expires " + verified.claims().expiresAt());
        terminal.printJson(verified.claims().json());
        return SigilCli.OK;
    }

    /** The server's defaults, changed by the options. */
    private static TokenPolicy policy(CliArgs args) throws UsageException {
        Set<String> audiences = new LinkedHashSet<>();
        args.value("audience").ifPresent(value -> Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).forEach(audiences::add));
        try {
            return new TokenPolicy(args.value("issuer").orElse("sigil"), audiences,
                    Duration.ofSeconds(seconds(args, "skew").orElse(60L)),
                    seconds(args, "max-age").map(Duration::ofSeconds), 8192);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--issuer, --skew or --max-age: " + e.getMessage());
        }
    }

    private static Optional<Long> seconds(CliArgs args, String option) throws UsageException {
        if (args.value(option).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(args.value(option).get().strip()));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " must be a number of seconds");
        }
    }

    private static ServerVerifier fromConfig(String file, Terminal terminal) throws UsageException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(KeyFiles.read(file, terminal)));
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException(file + " is not a properties file");
        }
        PropertiesConfig config = new PropertiesConfig(properties, terminal.env());
        for (String key : List.of(SigilConfigLoader.SECRET, SigilConfigLoader.ISSUER)) {
            config.environmentName(key).ifPresent(name -> terminal.err().println(
                    "sigil verify: " + key + " comes from the environment variable " + name + ", as on a server"));
        }
        SigilConfig loaded;
        try {
            loaded = SigilConfigLoader.load(config);
        } catch (SigilConfigurationException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
        return ServerVerifier.of(loaded);
    }
}
