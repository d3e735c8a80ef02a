package io.sigil.auth.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.config.SigilConfigLoader;
import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.revocation.MapRevocationStore;
import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.testing.TestTokens;
import io.sigil.auth.token.JweAlgorithm;
import io.sigil.auth.token.JweEncryptor;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.SigningKey;
import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.token.PemKeys;
import io.sigil.auth.config.SigilConfigurationException;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token store with {@code mp.jwt.decrypt.key.location}: signed-then-encrypted tokens are
 * valid; without the key, or encrypted for another key, they are invalid.
 */
class EncryptedTokenIdentityStoreTest {

    @TempDir
    static Path dir;
    private static KeyPair pair;
    private static SigilConfig decrypting;

    @BeforeAll
    static void configure() throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
        Path pem = Files.writeString(dir.resolve("decrypt.pem"), PemKeys.toPem(pair.getPrivate()));
        decrypting = TestConfigs.sigil(SigilConfigLoader.DECRYPT_KEY_LOCATION, pem.toString());
    }

    private static TokenIdentityStore store(SigilConfig config) {
        TokenIdentityStore store = new TokenIdentityStore();
        store.settings = SigilSettings.fixed(config, TestTokens.CLOCK);
        store.revocations = new MapRevocationStore(new ConcurrentHashMap<>(), false, config.policy().clockSkew(),
                config.tokenLifetime(), TestTokens.CLOCK);
        store.metrics = new SigilMetrics();
        return store;
    }

    private static String encrypted(SigilConfig config, RSAPublicKey recipient) {
        String jws = new TestTokens(config, TestTokens.CLOCK).issue("alice", "user").compact();
        return new JweEncryptor(recipient, JweAlgorithm.RSA_OAEP_256, null).encryptNested(jws);
    }

    @Test
    void validate_signedThenEncryptedToken_isValid() {
        CredentialValidationResult result = store(decrypting)
                .validate(new TokenCredential(encrypted(decrypting, (RSAPublicKey) pair.getPublic())));

        assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(result.getCallerPrincipal().getName()).isEqualTo("alice");
        assertThat(result.getCallerGroups()).containsExactly("user");
    }

    @Test
    void validate_encryptedTokenWithoutDecryptionKey_isInvalid() {
        SigilConfig plain = TestConfigs.sigil();

        assertThat(store(plain).validate(new TokenCredential(encrypted(plain, (RSAPublicKey) pair.getPublic())))
                .getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void validate_encryptedForAnotherKey_isInvalid() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey other = (RSAPublicKey) generator.generateKeyPair().getPublic();

        assertThat(store(decrypting).validate(new TokenCredential(encrypted(decrypting, other))).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void load_decryptionKeyOverTheNetwork_failsTheDeployment() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestConfigs.sigil(
                        SigilConfigLoader.DECRYPT_KEY_LOCATION, "https://keys.example/decrypt.pem"))
                .isInstanceOf(SigilConfigurationException.class)
                .hasMessageContaining(SigilConfigLoader.DECRYPT_KEY_LOCATION);
    }

    // ---------------------------------------------------------------- plain tokens while decrypting

    private static SigilConfig withOutsideKey(KeyPair outside, String... more) {
        String[] base = {SigilConfigLoader.DECRYPT_KEY_LOCATION, dir.resolve("decrypt.pem").toString(),
                SigilConfigLoader.PUBLICKEY, PemKeys.toPem(outside.getPublic())};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return TestConfigs.sigil(all);
    }

    private static String outsideToken(KeyPair outside) {
        return new TokenIssuer(SigningKey.of(JwsAlgorithm.RS256, null, outside.getPrivate(), outside.getPublic()),
                "sigil", Set.of(), Duration.ofMinutes(5), TestTokens.CLOCK).issue("partner", Set.of("user")).compact();
    }

    @Test
    void validate_outsideIssuersPlainTokenWhileDecrypting_isInvalidAsMicroProfileJwtSays() throws Exception {
        KeyPair outside = rsa();
        SigilConfig config = withOutsideKey(outside);

        assertThat(store(config).validate(new TokenCredential(outsideToken(outside))).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void validate_outsideIssuersTokenSignedThenEncrypted_isValid() throws Exception {
        KeyPair outside = rsa();
        SigilConfig config = withOutsideKey(outside);
        String nested = new JweEncryptor((RSAPublicKey) pair.getPublic(), JweAlgorithm.RSA_OAEP_256, null)
                .encryptNested(outsideToken(outside));

        assertThat(store(config).validate(new TokenCredential(nested)).getStatus())
                .isEqualTo(CredentialValidationResult.Status.VALID);
    }

    @Test
    void validate_ownPlainTokenWhileDecrypting_staysValid() throws Exception {
        SigilConfig config = withOutsideKey(rsa());
        String own = new TestTokens(config, TestTokens.CLOCK).issue("alice", "user").compact();

        assertThat(store(config).validate(new TokenCredential(own)).getStatus())
                .isEqualTo(CredentialValidationResult.Status.VALID);
    }

    @Test
    void validate_outsideIssuersPlainTokenWithTheOptOut_isValid() throws Exception {
        KeyPair outside = rsa();
        SigilConfig config = withOutsideKey(outside, SigilConfigLoader.ACCEPT_PLAIN_OUTSIDE_TOKENS, "true");

        assertThat(store(config).validate(new TokenCredential(outsideToken(outside))).getStatus())
                .isEqualTo(CredentialValidationResult.Status.VALID);
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
