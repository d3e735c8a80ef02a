package io.sigil.auth.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sigil's command-line tool for operators: {@code keygen}, {@code sign}, {@code verify},
 * {@code inspect}. Uses the same token core and configuration loader as the server, with no
 * CDI, Servlet or JAX-RS. Stateless; each {@link #run} is independent.
 *
 * <p>Exit codes: {@link #OK}, {@link #REFUSED} (a token was refused), {@link #USAGE} (the command
 * line, a file, a key or the configuration cannot be used). Nothing it prints contains a secret,
 * except the secret or private key that {@code keygen} was asked to write, and no stack trace.
 */
public final class SigilCli {

    /** Success. */
    public static final int OK = 0;
    /** The token was refused (verify) or cannot be decoded (inspect). */
    public static final int REFUSED = 1;
    /** A usage error: bad options, unreadable file, unusable key or configuration. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: java -jar sigil-cli-<version>.jar <command> [options]

            commands:
              keygen --alg ALG [--kid ID] [--rsa-bits N] [--out FILE] [--public-out FILE] [--jwks]
                  Makes a new key. HS256, HS384, HS512: a random secret of the hash's size, base64url
                  (the format of sigil.secret). RS256..512, PS256..512, ES256, ES384, ES512, EdDSA: a
                  key pair as a private JWK with "kid" and "alg" (--rsa-bits, default 2048). --out writes
                  it to a new file readable by its owner only, else it goes to standard output.
                  --public-out writes the public JWK (a JWK Set with --jwks) for verifiers.
              sign --key FILE [--claims FILE] [--lifetime DURATION] [--iat] [--jti] [--kid ID] [--encrypt-to FILE]
                  Signs a claims JSON object (--claims FILE, else standard input) and prints the token.
                  --key: a private JWK, a PKCS#8 PEM (--alg, else implied by the key), or an HS secret.
                  --lifetime PT15M sets "exp"; --iat sets "iat" to now; --jti adds a random "jti".
                  --encrypt-to FILE encrypts the signed token for an RSA public key (SPKI PEM or JWK):
                  a nested JWE, --encrypt-alg RSA-OAEP-256 (default) or RSA-OAEP, --encrypt-kid ID.
              verify (--key FILE | --config FILE) [--decrypt-key FILE] [--issuer ISS] [--audience AUD] [--skew SECONDS] [TOKEN]
                  Verifies a token (the argument, else standard input) exactly as the server does and
                  prints its claims as JSON (exit 0), or the reason it is refused (exit 1).
                  --key: a public JWK, a JWK Set, an SPKI PEM (--alg, else implied), or an HS secret.
                  --config: a properties file with the server's keys (sigil.*, mp.jwt.*).
                  --decrypt-key FILE: the RSA private key (PKCS#8 PEM or JWK) of encrypted tokens,
                  --decrypt-alg RSA-OAEP or RSA-OAEP-256 (default both).
              inspect [--decrypt-key FILE] [TOKEN]
                  Decodes a token's header and claims WITHOUT verifying anything; an encrypted token
                  is decrypted with --decrypt-key first (its signature is still not checked).
              help
                  Prints this text.

            Secrets are read from files or the environment (--key env:SIGIL_SECRET), never from the
            command line. Exit codes: 0 success, 1 token refused, 2 usage or input error.
            """;

    private SigilCli() {
    }

    /**
     * Runs one command.
     *
     * @param args the command line
     * @param in   standard input
     * @param out  standard output
     * @param err  standard error
     * @param env  environment variables
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        Terminal terminal = new Terminal(in, out, err, env);
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "keygen" -> KeygenCommand.run(rest, terminal);
                case "sign" -> SignCommand.run(rest, terminal);
                case "verify" -> VerifyCommand.run(rest, terminal);
                case "inspect" -> InspectCommand.run(rest, terminal);
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default -> throw new UsageException("unknown command; try 'help'");
            };
        } catch (UsageException e) {
            err.println("sigil " + args[0] + ": " + e.getMessage());
            err.println("Run 'help' for the usage.");
            return USAGE;
        } catch (RuntimeException e) {
            // A bug, not bad input: still no stack trace and no message that might quote input.
            err.println("sigil " + args[0] + ": internal error (" + e.getClass().getSimpleName() + ")");
            return USAGE;
        }
    }
}
