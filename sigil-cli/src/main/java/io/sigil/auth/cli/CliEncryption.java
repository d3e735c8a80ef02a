package io.sigil.auth.cli;

import io.sigil.auth.token.DecryptionKeys;
import io.sigil.auth.token.InvalidKeyMaterialException;
import io.sigil.auth.token.JweAlgorithm;
import io.sigil.auth.token.JweDecryptor;
import io.sigil.auth.token.JweEncryptor;
import io.sigil.auth.token.PemKeys;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The encryption options of {@code sign} ({@code --encrypt-to FILE}, {@code --encrypt-alg},
 * {@code --encrypt-kid}) and {@code verify} ({@code --decrypt-key FILE}, {@code --decrypt-alg}):
 * nested signed-then-encrypted tokens on the token core's {@link JweEncryptor} and
 * {@link JweDecryptor}. Stateless.
 */
final class CliEncryption {

    /** The options {@code sign} takes for encryption. */
    static final Set<String> SIGN_OPTIONS = Set.of("encrypt-to", "encrypt-alg", "encrypt-kid");
    /** The options {@code verify} takes for decryption. */
    static final Set<String> VERIFY_OPTIONS = Set.of("decrypt-key", "decrypt-alg");

    private CliEncryption() {
    }

    /**
     * @return the decryptor of {@code --decrypt-key} (a PKCS#8 PEM, a private RSA JWK or JWK Set),
     *         bound to {@code --decrypt-alg} or both algorithms; empty without {@code --decrypt-key}
     */
    static Optional<JweDecryptor> decryptor(CliArgs args, int maxTokenLength, Terminal terminal)
            throws UsageException {
        if (args.value("decrypt-key").isEmpty()) {
            if (args.value("decrypt-alg").isPresent()) {
                throw new UsageException("--decrypt-alg needs --decrypt-key");
            }
            return Optional.empty();
        }
        Set<JweAlgorithm> algorithms = args.value("decrypt-alg").isPresent()
                ? EnumSet.of(algorithm(args.value("decrypt-alg").get(), "--decrypt-alg"))
                : EnumSet.allOf(JweAlgorithm.class);
        String text = KeyFiles.read(args.value("decrypt-key").get(), terminal);
        try {
            return Optional.of(new JweDecryptor(DecryptionKeys.read(text, algorithms, null),
                    maxTokenLength));
        } catch (InvalidKeyMaterialException e) {
            throw new UsageException("--decrypt-key: " + e.reason());
        }
    }

    /**
     * @param jws the signed token
     * @return the token encrypted for {@code --encrypt-to}, or the token itself without that option
     */
    static String encryptIfAsked(String jws, CliArgs args, Terminal terminal) throws UsageException {
        if (args.value("encrypt-to").isEmpty()) {
            if (args.value("encrypt-alg").isPresent() || args.value("encrypt-kid").isPresent()) {
                throw new UsageException("--encrypt-alg and --encrypt-kid need --encrypt-to");
            }
            return jws;
        }
        JweAlgorithm algorithm = args.value("encrypt-alg").isPresent()
                ? algorithm(args.value("encrypt-alg").get(), "--encrypt-alg") : JweAlgorithm.RSA_OAEP_256;
        PublicKey key = publicKey(KeyFiles.read(args.value("encrypt-to").get(), terminal).strip());
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new UsageException("--encrypt-to needs an RSA public key");
        }
        try {
            return new JweEncryptor(rsa, algorithm, args.value("encrypt-kid").orElse(null))
                    .encryptNested(jws);
        } catch (InvalidKeyMaterialException e) {
            throw new UsageException("--encrypt-to: " + e.reason());
        }
    }

    private static JweAlgorithm algorithm(String name, String option) throws UsageException {
        return JweAlgorithm.fromJoseName(name.strip())
                .orElseThrow(() -> new UsageException(option + " must be RSA-OAEP or RSA-OAEP-256"));
    }

    /** An SPKI PEM public key, or a public RSA JWK ({@code n}, {@code e}). */
    private static PublicKey publicKey(String text) throws UsageException {
        try {
            if (!text.startsWith("{")) {
                return PemKeys.publicKey(text);
            }
            JsonObject jwk;
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                jwk = reader.readObject();
            }
            String n = jwk.getString("n", null);
            String e = jwk.getString("e", null);
            if (!"RSA".equals(jwk.getString("kty", null)) || n == null || e == null) {
                throw new UsageException("--encrypt-to needs an RSA public key");
            }
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, decoder.decode(n)), new BigInteger(1, decoder.decode(e))));
        } catch (InvalidKeyMaterialException e) {
            throw new UsageException("--encrypt-to: " + e.reason());
        } catch (JsonException | IllegalArgumentException | IllegalStateException | GeneralSecurityException e) {
            throw new UsageException("--encrypt-to holds neither an SPKI PEM nor a public RSA JWK");
        }
    }
}
