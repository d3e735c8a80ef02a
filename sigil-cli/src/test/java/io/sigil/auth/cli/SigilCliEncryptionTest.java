package io.sigil.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.token.PemKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sign --encrypt-to} and {@code verify --decrypt-key}: nested signed-then-encrypted tokens
 * round trip through the tool, and a wrong decryption key or a missing one refuses them.
 */
class SigilCliEncryptionTest {

    private static final String CLAIMS = "{\"iss\":\"sigil\",\"sub\":\"alice\"}";

    @TempDir
    Path dir;
    private String secret;
    private String privatePem;
    private String publicPem;

    @BeforeEach
    void keys() throws IOException, NoSuchAlgorithmException {
        assertThat(CliRun.of("keygen", "--alg", "HS256", "--out", dir.resolve("secret").toString()).code()).isZero();
        secret = dir.resolve("secret").toString();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        privatePem = Files.writeString(dir.resolve("decrypt.pem"), PemKeys.toPem(pair.getPrivate())).toString();
        publicPem = Files.writeString(dir.resolve("encrypt.pem"), PemKeys.toPem(pair.getPublic())).toString();
    }

    private String signEncrypted(String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"sign", "--key", secret, "--lifetime", "PT5M", "--encrypt-to"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        CliRun run = CliRun.of(CLAIMS, Map.of(), args);
        assertThat(run.code()).as(run.both()).isZero();
        return run.out().strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA-OAEP", "RSA-OAEP-256"})
    void signEncryptedThenVerifyDecrypting_roundTrips(String algorithm) {
        String jwe = signEncrypted(publicPem, "--encrypt-alg", algorithm, "--encrypt-kid", "enc-1");

        assertThat(jwe.split("\\.", -1)).hasSize(5);
        String header = new String(Base64.getUrlDecoder().decode(jwe.substring(0, jwe.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"" + algorithm + "\"", "\"enc\":\"A256GCM\"", "\"cty\":\"JWT\"",
                "\"kid\":\"enc-1\"");
        CliRun verified = CliRun.of(jwe, Map.of(), "verify", "--key", secret, "--alg", "HS256",
                "--decrypt-key", privatePem);
        assertThat(verified.code()).as(verified.both()).isZero();
        assertThat(verified.out()).contains("\"sub\": \"alice\"");
    }

    @Test
    void verify_encryptedTokenWithoutDecryptKey_isRefused() {
        String jwe = signEncrypted(publicPem);

        CliRun run = CliRun.of(jwe, Map.of(), "verify", "--key", secret, "--alg", "HS256");

        assertThat(run.code()).isEqualTo(SigilCli.REFUSED);
    }

    @Test
    void verify_encryptedTokenUnderOtherAlgorithm_isRefusedWithTheOneReason() {
        String jwe = signEncrypted(publicPem, "--encrypt-alg", "RSA-OAEP");

        CliRun run = CliRun.of(jwe, Map.of(), "verify", "--key", secret, "--alg", "HS256",
                "--decrypt-key", privatePem, "--decrypt-alg", "RSA-OAEP-256");

        assertThat(run.code()).isEqualTo(SigilCli.REFUSED);
        assertThat(run.err()).contains("encrypted token refused");
    }

    @Test
    void inspect_encryptedToken_showsTheContentOnlyWithTheKey() {
        String jwe = signEncrypted(publicPem);

        CliRun withKey = CliRun.of(jwe, Map.of(), "inspect", "--decrypt-key", privatePem);
        CliRun withoutKey = CliRun.of(jwe, Map.of(), "inspect");

        assertThat(withKey.code()).as(withKey.both()).isZero();
        assertThat(withKey.out()).contains("\"encryptedHeader\"", "\"RSA-OAEP-256\"", "\"sub\": \"alice\"",
                "\"verified\": false");
        assertThat(withoutKey.code()).isEqualTo(SigilCli.REFUSED);
        assertThat(withoutKey.out()).contains("\"encryptedHeader\"").doesNotContain("alice");
        assertThat(withoutKey.err()).contains("--decrypt-key");
    }

    @Test
    void sign_encryptToPrivateKeyOrBadAlgorithm_isAUsageError() {
        CliRun privateKey = CliRun.of(CLAIMS, Map.of(), "sign", "--key", secret, "--encrypt-to", privatePem);
        CliRun badAlgorithm = CliRun.of(CLAIMS, Map.of(), "sign", "--key", secret, "--encrypt-to", publicPem,
                "--encrypt-alg", "RSA1_5");

        assertThat(privateKey.code()).isEqualTo(SigilCli.USAGE);
        assertThat(badAlgorithm.code()).isEqualTo(SigilCli.USAGE);
        assertThat(badAlgorithm.err()).contains("--encrypt-alg");
    }
}
