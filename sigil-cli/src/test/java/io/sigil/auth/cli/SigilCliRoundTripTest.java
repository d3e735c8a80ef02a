package io.sigil.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.token.JwsAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SigilCliRoundTripTest {

    private static final String CLAIMS = "{\"iss\":\"sigil\",\"sub\":\"alice\",\"groups\":[\"admin\",\"user\"]}";

    @TempDir
    Path dir;

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private CliRun ok(CliRun run) {
        assertThat(run.code()).as(run.both()).isZero();
        return run;
    }

    /** keygen into files; returns {signing key file, verification key file}. */
    private String[] keygen(JwsAlgorithm algorithm, String... extra) {
        if (algorithm.isSymmetric()) {
            ok(CliRun.of("keygen", "--alg", algorithm.name(), "--out", file("secret")));
            return new String[] {file("secret"), file("secret")};
        }
        List<String> args = new ArrayList<>(List.of("keygen", "--alg", algorithm.name(), "--out", file("private.jwk"),
                "--public-out", file("public.jwk")));
        args.addAll(List.of(extra));
        ok(CliRun.of(args.toArray(String[]::new)));
        return new String[] {file("private.jwk"), file("public.jwk")};
    }

    private String sign(String keyFile, String claims, String... extra) {
        List<String> args = new ArrayList<>(List.of("sign", "--key", keyFile));
        args.addAll(List.of(extra));
        CliRun run = ok(CliRun.of(claims, Map.of(), args.toArray(String[]::new)));
        return run.out().strip();
    }

    private CliRun verify(String token, String... args) {
        List<String> all = new ArrayList<>(List.of("verify"));
        all.addAll(List.of(args));
        return CliRun.of(token, Map.of(), all.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void keygenSignVerify_roundTrips(JwsAlgorithm algorithm) {
        String[] keys = keygen(algorithm);
        String[] alg = algorithm.isSymmetric() ? new String[] {"--alg", algorithm.name()} : new String[0];
        List<String> signArgs = new ArrayList<>(List.of(alg));
        signArgs.addAll(List.of("--lifetime", "PT5M", "--iat", "--jti"));
        String token = sign(keys[0], CLAIMS, signArgs.toArray(String[]::new));

        CliRun verified = ok(verify(token, concat(List.of("--key", keys[1]), alg)));
        assertThat(verified.out()).contains("\"sub\": \"alice\"").contains("\"exp\"").contains("\"iat\"")
                .contains("\"jti\"");
        assertThat(verified.err()).contains("valid").contains("alice");
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"" + algorithm.name() + "\"");
    }

    private static String[] concat(List<String> first, String[] second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"RS256", "ES256", "EdDSA"})
    void verify_flippedSignatureByte_exits1(JwsAlgorithm algorithm) {
        String[] keys = keygen(algorithm);
        String token = sign(keys[0], CLAIMS, "--lifetime", "PT5M");
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[0] ^= 0x01;
        String tampered = token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        CliRun run = verify(tampered, "--key", keys[1]);
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void verify_algNone_exits1(String none) {
        String[] keys = keygen(JwsAlgorithm.HS256);
        String token = sign(keys[0], CLAIMS, "--lifetime", "PT5M");
        String payload = token.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        for (String unsigned : List.of(header + "." + payload + ".", header + "." + payload + "." + token.split("\\.")[2])) {
            CliRun run = verify(unsigned, "--key", keys[1]);
            assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.REFUSED);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void verify_hs256SignedWithTheRsaPublicKeyAsSecret_exits1() throws IOException {
        keygen(JwsAlgorithm.RS256);
        ok(CliRun.of("keygen", "--alg", "RS256", "--out", file("other.jwk"), "--public-out", file("pub-other.jwk")));
        // The attacker knows the public key and uses its JWK text as an HMAC secret.
        String publicText = Files.readString(dir.resolve("public.jwk"));
        Files.writeString(dir.resolve("confusion-secret"), Base64.getUrlEncoder().withoutPadding()
                .encodeToString(publicText.getBytes(StandardCharsets.UTF_8)));
        String token = sign(file("confusion-secret"), CLAIMS, "--lifetime", "PT5M");

        CliRun run = verify(token, "--key", file("public.jwk"));
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.REFUSED);
    }

    @Test
    void verify_tokenOfAnotherKey_exits1() {
        String[] keys = keygen(JwsAlgorithm.ES256, "--kid", "k1");
        ok(CliRun.of("keygen", "--alg", "ES256", "--kid", "k1", "--out", file("attacker.jwk")));
        String token = sign(file("attacker.jwk"), CLAIMS, "--lifetime", "PT5M");
        CliRun run = verify(token, "--key", keys[1]);
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.REFUSED);
    }

    @Test
    void verify_expiredToken_exits1WithTheReason() {
        String[] keys = keygen(JwsAlgorithm.HS256);
        String token = sign(keys[0], "{\"iss\":\"sigil\",\"sub\":\"alice\",\"exp\":1000000000}");
        CliRun run = verify(token, "--key", keys[1]);
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.REFUSED);
        assertThat(run.err()).contains("expired");
    }

    @Test
    void verify_wrongIssuer_exits1_andTheRightOneIsAccepted() {
        String[] keys = keygen(JwsAlgorithm.EdDSA);
        String token = sign(keys[0], "{\"iss\":\"acme\",\"sub\":\"alice\"}", "--lifetime", "PT1M");
        CliRun wrong = verify(token, "--key", keys[1]);
        assertThat(wrong.code()).as(wrong.both()).isEqualTo(SigilCli.REFUSED);
        assertThat(wrong.err()).contains("issuer");
        ok(verify(token, "--key", keys[1], "--issuer", "acme"));
    }

    @Test
    void verify_jwkSet_findsTheKeyByKid() {
        String[] keys = keygen(JwsAlgorithm.PS256, "--jwks", "--kid", "rotating-2");
        String token = sign(keys[0], CLAIMS, "--lifetime", "PT5M");
        assertThat(token).isNotEmpty();
        CliRun run = ok(verify(token, "--key", keys[1]));
        assertThat(run.err()).contains("kid rotating-2");
    }

    @Test
    void verify_serverConfigProperties_usesTheServersKeysAndIssuer() throws IOException {
        String[] keys = keygen(JwsAlgorithm.HS256);
        String secret = Files.readString(Path.of(keys[0])).strip();
        Path config = dir.resolve("sigil.properties");
        Files.writeString(config, "sigil.secret=" + secret + "\nmp.jwt.verify.issuer=acme\n");
        String token = sign(keys[0], "{\"iss\":\"acme\",\"sub\":\"alice\"}", "--lifetime", "PT5M");

        CliRun run = ok(verify(token, "--config", config.toString()));
        assertThat(run.out()).contains("alice").doesNotContain(secret);
        assertThat(run.err()).doesNotContain(secret);

        CliRun otherIssuer = verify(sign(keys[0], CLAIMS, "--lifetime", "PT5M"), "--config", config.toString());
        assertThat(otherIssuer.code()).as(otherIssuer.both()).isEqualTo(SigilCli.REFUSED);
    }

    @Test
    void verify_serverConfigRequiredClaims_areRequiredAsOnTheServer() throws IOException {
        String[] keys = keygen(JwsAlgorithm.HS256);
        Path config = dir.resolve("sigil.properties");
        Files.writeString(config, "sigil.secret=" + Files.readString(Path.of(keys[0])).strip()
                + "\nsigil.token.required-claims=email\n");
        CliRun without = verify(sign(keys[0], CLAIMS, "--lifetime", "PT5M"), "--config", config.toString());
        assertThat(without.code()).as(without.both()).isEqualTo(SigilCli.REFUSED);
        assertThat(without.err()).contains("email");
        ok(verify(sign(keys[0], "{\"iss\":\"sigil\",\"sub\":\"alice\",\"email\":\"a@example.org\"}", "--lifetime", "PT5M"),
                "--config", config.toString()));
    }

    @Test
    void verify_serverConfigPublicKeyLocation_acceptsTheOutsideIssuersTokenOnlyUnderItsKey() throws IOException {
        String[] es = keygen(JwsAlgorithm.ES256, "--jwks", "--kid", "outside-1");
        ok(CliRun.of("keygen", "--alg", "HS256", "--out", file("secret")));
        Path config = dir.resolve("sigil.properties");
        Files.writeString(config, "sigil.secret=" + Files.readString(dir.resolve("secret")).strip()
                + "\nmp.jwt.verify.publickey.location=" + es[1].replace("\\", "/") + "\n");
        String token = sign(es[0], CLAIMS, "--lifetime", "PT5M");
        CliRun run = ok(verify(token, "--config", config.toString()));
        assertThat(run.err()).contains("kid outside-1");

        ok(CliRun.of("keygen", "--alg", "ES256", "--kid", "outside-1", "--out", file("impostor.jwk")));
        CliRun impostor = verify(sign(file("impostor.jwk"), CLAIMS, "--lifetime", "PT5M"), "--config", config.toString());
        assertThat(impostor.code()).as(impostor.both()).isEqualTo(SigilCli.REFUSED);
    }

    @Test
    void verify_serverConfigTrustedIssuers_acceptsEachIssuersTokenOnlyUnderItsOwnKeys() throws IOException {
        String[] kc = keygen(JwsAlgorithm.ES256, "--jwks", "--kid", "kc-1");
        ok(CliRun.of("keygen", "--alg", "HS256", "--out", file("secret")));
        Path config = dir.resolve("sigil.properties");
        Files.writeString(config, "sigil.secret=" + Files.readString(dir.resolve("secret")).strip()
                + "\nsigil.issuers=keycloak\nsigil.issuer.keycloak.iss=https://kc.example/realms/demo"
                + "\nsigil.issuer.keycloak.keys.location=" + kc[1].replace("\\", "/")
                + "\nsigil.issuer.keycloak.groups-claim=realm_access/roles\n");
        String claims = "{\"iss\":\"https://kc.example/realms/demo\",\"sub\":\"k\",\"preferred_username\":\"kim\","
                + "\"realm_access\":{\"roles\":[\"admin\"]}}";
        CliRun run = ok(verify(sign(kc[0], claims, "--lifetime", "PT5M"), "--config", config.toString()));
        assertThat(run.err()).contains("kim");

        // the realm's key never verifies Sigil's own tokens, nor Sigil's secret the realm's
        CliRun ownClaimsUnderRealmKey = verify(sign(kc[0], CLAIMS, "--lifetime", "PT5M"), "--config", config.toString());
        assertThat(ownClaimsUnderRealmKey.code()).as(ownClaimsUnderRealmKey.both()).isEqualTo(SigilCli.REFUSED);
        CliRun realmClaimsUnderSecret = verify(sign(file("secret"), claims, "--lifetime", "PT5M"), "--config",
                config.toString());
        assertThat(realmClaimsUnderSecret.code()).as(realmClaimsUnderSecret.both()).isEqualTo(SigilCli.REFUSED);
    }

    @Test
    void verify_serverConfig_environmentOverridesTheFileAsOnAServer() throws IOException {
        String[] keys = keygen(JwsAlgorithm.HS256);
        String secret = Files.readString(Path.of(keys[0])).strip();
        Path config = dir.resolve("sigil.properties");
        Files.writeString(config, "sigil.secret=" + secret + "\n");
        String token = sign(keys[0], CLAIMS, "--lifetime", "PT5M");
        String otherSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        CliRun run = CliRun.of(token, Map.of("SIGIL_SECRET", otherSecret), "verify", "--config", config.toString());
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.REFUSED);
        assertThat(run.err()).contains("SIGIL_SECRET").doesNotContain(otherSecret).doesNotContain(secret);
    }

    @Test
    void verify_configWithShortSecret_exits2NamingTheKey() throws IOException {
        Path config = dir.resolve("sigil.properties");
        Files.writeString(config, "sigil.secret=c2hvcnQ\n");
        CliRun run = verify("a.b.c", "--config", config.toString());
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.err()).contains("sigil.secret").doesNotContain("c2hvcnQ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA:RS256", "EC:ES256", "Ed25519:EdDSA"})
    void signVerify_pemKeys_algorithmImpliedByTheKey(String keyAndAlgorithm) throws Exception {
        String[] parts = keyAndAlgorithm.split(":");
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance(parts[0]);
        if (parts[0].equals("RSA")) {
            generator.initialize(2048);
        }
        java.security.KeyPair pair = generator.generateKeyPair();
        Files.writeString(dir.resolve("private.pem"), io.sigil.auth.token.PemKeys.toPem(pair.getPrivate()));
        Files.writeString(dir.resolve("public.pem"), io.sigil.auth.token.PemKeys.toPem(pair.getPublic()));
        String token = sign(file("private.pem"), CLAIMS, "--lifetime", "PT5M", "--kid", "pem-1");
        assertThat(new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8)).contains("\"alg\":\"" + parts[1] + "\"").contains("\"kid\":\"pem-1\"");
        ok(verify(token, "--key", file("public.pem"), "--kid", "pem-1"));
        CliRun wrongAlgorithm = verify(token, "--key", file("public.pem"), "--kid", "pem-1", "--alg",
                parts[1].equals("RS256") ? "PS256" : "RS256");
        assertThat(wrongAlgorithm.code()).as(wrongAlgorithm.both()).isIn(SigilCli.REFUSED, SigilCli.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256:32", "HS384:48", "HS512:64"})
    void keygen_hmacSecret_isBase64urlOfTheHashSize(String algorithmAndBytes) {
        String[] parts = algorithmAndBytes.split(":");
        CliRun run = ok(CliRun.of("keygen", "--alg", parts[0]));
        assertThat(Base64.getUrlDecoder().decode(run.out().strip())).hasSize(Integer.parseInt(parts[1]));
        assertThat(run.out().strip()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void keygen_out_isOwnerOnlyAndNeverOverwritten() throws IOException {
        CliRun first = ok(CliRun.of("keygen", "--alg", "ES384", "--out", file("key.jwk"), "--public-out", file("pub.jwk")));
        assertThat(first.out()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.jwk"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("key.jwk"))).contains("\"d\"").contains("\"kid\"");
        assertThat(Files.readString(dir.resolve("pub.jwk"))).doesNotContain("\"d\"").contains("\"kid\"");
        String before = Files.readString(dir.resolve("key.jwk"));

        CliRun second = CliRun.of("keygen", "--alg", "ES384", "--out", file("key.jwk"));
        assertThat(second.code()).as(second.both()).isEqualTo(SigilCli.USAGE);
        assertThat(Files.readString(dir.resolve("key.jwk"))).isEqualTo(before);
    }

    @Test
    void keygen_rsaBelow2048_exits2() {
        CliRun run = CliRun.of("keygen", "--alg", "RS256", "--rsa-bits", "1024");
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void sign_claimsNotJson_exits2() {
        String[] keys = keygen(JwsAlgorithm.HS256);
        CliRun run = CliRun.of("[1,2]", Map.of(), "sign", "--key", keys[0]);
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void sign_secretFromEnvironment_signsAndNeverPrintsIt() {
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        CliRun sign = CliRun.of(CLAIMS, Map.of("MY_SECRET", secret), "sign", "--key", "env:MY_SECRET", "--lifetime", "PT5M");
        assertThat(sign.code()).as(sign.both()).isZero();
        assertThat(sign.out() + sign.err()).doesNotContain(secret);
        CliRun verify = CliRun.of(sign.out(), Map.of("MY_SECRET", secret), "verify", "--key", "env:MY_SECRET");
        assertThat(verify.code()).as(verify.both()).isZero();
        assertThat(verify.out() + verify.err()).doesNotContain(secret);
    }

    @Test
    void inspect_signedToken_showsTheClaimsButSaysNotVerified() {
        String[] keys = keygen(JwsAlgorithm.ES256);
        CliRun run = ok(CliRun.of("inspect", sign(keys[0], CLAIMS, "--lifetime", "PT5M")));
        assertThat(run.out()).contains("\"verified\": false").contains("alice").contains("\"signatureBytes\": 64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b", "a.b.c.d", "e30.e30.e30", "\u00e9t\u00e9.e30.e30"})
    void verify_garbage_neverPrintsAStackTrace(String token) {
        String[] keys = keygen(JwsAlgorithm.HS256);
        CliRun run = verify(token, "--key", keys[1]);
        assertThat(run.code()).as(run.both()).isIn(SigilCli.REFUSED, SigilCli.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
