package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sigil.auth.token.ClaimPath;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedIssuersTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    static Path dir;
    private static String keysA;
    private static String keysB;

    @BeforeAll
    static void keys() throws Exception {
        keysA = Files.writeString(dir.resolve("a.jwks.json"), Jwk.publicJwkSet(List.of(ecKey("a-1").verificationKey()))
                .toString()).toString();
        keysB = Files.writeString(dir.resolve("b.jwks.json"), Jwk.publicJwkSet(List.of(ecKey("b-1").verificationKey()))
                .toString()).toString();
    }

    static SigningKey ecKey(String kid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        return SigningKey.of(JwsAlgorithm.ES256, kid, pair.getPrivate(), pair.getPublic());
    }

    private static TrustedIssuers load(String... keysAndValues) {
        MapConfig config = TestConfigs.withSecret(keysAndValues);
        SigilConfig own = SigilConfigLoader.load(config, TrustedIssuersTest.class.getClassLoader(), CLOCK);
        return TrustedIssuers.load(config, own.policy(), TrustedIssuersTest.class.getClassLoader(), CLOCK);
    }

    private static String failure(String... keysAndValues) {
        Throwable thrown = catchThrowable(() -> load(keysAndValues));
        assertThat(thrown).isInstanceOf(SigilConfigurationException.class);
        return thrown.getMessage();
    }

    /** Two valid issuers, with the given settings added or replacing theirs. */
    private static String[] twoIssuers(String... overrides) {
        List<String> all = new ArrayList<>(List.of("sigil.issuers", "a, keycloak",
                "sigil.issuer.a.iss", "https://a.example", "sigil.issuer.a.keys.location", keysA,
                "sigil.issuer.keycloak.iss", "https://kc.example/realms/demo",
                "sigil.issuer.keycloak.keys.location", keysB,
                "sigil.issuer.keycloak.groups-claim", "realm_access/roles",
                "sigil.issuer.keycloak.audiences", "account, web"));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = all.indexOf(overrides[i]);
            if (at >= 0 && at % 2 == 0) {
                all.set(at + 1, overrides[i + 1]);
            } else {
                all.add(overrides[i]);
                all.add(overrides[i + 1]);
            }
        }
        return all.toArray(String[]::new);
    }

    @Test
    void load_withoutIssuers_isNone() {
        assertThat(load().isEmpty()).isTrue();
        assertThat(load("sigil.issuers", " ").isEmpty()).isTrue();
    }

    @Test
    void load_twoIssuers_readsEachOne() {
        TrustedIssuers issuers = load(twoIssuers());
        assertThat(issuers.issuers()).extracting(TrustedIssuer::name).containsExactly("a", "keycloak");
        TrustedIssuer keycloak = issuers.issuers().get(1);
        assertThat(keycloak.issuer()).isEqualTo("https://kc.example/realms/demo");
        assertThat(keycloak.audiences()).containsExactlyInAnyOrder("account", "web");
        assertThat(keycloak.groupsClaim()).isEqualTo(ClaimPath.parse("realm_access/roles"));
        assertThat(issuers.issuers().get(0).groupsClaim().isStandardGroups()).isTrue();
        assertThat(issuers.issuers().get(0).audiences()).isEmpty();
    }

    @Test
    void load_emptyOrBadName_isRefusedNamingTheKey() {
        assertThat(failure(twoIssuers("sigil.issuers", "a,,keycloak"))).startsWith("sigil.issuers ");
        assertThat(failure(twoIssuers("sigil.issuers", "a,"))).startsWith("sigil.issuers ");
        assertThat(failure(twoIssuers("sigil.issuers", "a.b"))).startsWith("sigil.issuers ");
        assertThat(failure(twoIssuers("sigil.issuers", "a b"))).startsWith("sigil.issuers ");
    }

    @Test
    void load_repeatedName_isRefused() {
        assertThat(failure(twoIssuers("sigil.issuers", "a,keycloak,a"))).startsWith("sigil.issuers ").contains("twice");
        assertThat(failure(twoIssuers("sigil.issuers", "a,A"))).contains("twice");
    }

    @Test
    void load_missingIss_isRefusedNamingTheKey() {
        assertThat(failure("sigil.issuers", "a", "sigil.issuer.a.keys.location", keysA))
                .startsWith("sigil.issuer.a.iss ");
    }

    @Test
    void load_issOfSigilItself_isRefused() {
        assertThat(failure(twoIssuers("sigil.issuer.a.iss", "sigil"))).startsWith("sigil.issuer.a.iss ");
        assertThat(failure(twoIssuers("mp.jwt.verify.issuer", "https://a.example"))).startsWith("sigil.issuer.a.iss ");
    }

    @Test
    void load_twoIssuersWithOneIss_isRefused() {
        assertThat(failure(twoIssuers("sigil.issuer.keycloak.iss", "https://a.example")))
                .startsWith("sigil.issuer.keycloak.iss ");
    }

    @Test
    void load_missingKeysLocation_isRefusedNamingTheKey() {
        assertThat(failure("sigil.issuers", "a", "sigil.issuer.a.iss", "https://a.example"))
                .startsWith("sigil.issuer.a.keys.location ");
    }

    @Test
    void load_unreadableKeysLocation_isRefusedNamingTheKey() {
        assertThat(failure(twoIssuers("sigil.issuer.a.keys.location", dir.resolve("missing.json").toString())))
                .startsWith("sigil.issuer.a.keys.location");
        assertThat(failure(twoIssuers("sigil.issuer.a.keys.location", "http://a.example/jwks")))
                .startsWith("sigil.issuer.a.keys.location");
    }

    @Test
    void load_malformedGroupsClaim_isRefusedNamingTheKey() {
        for (String path : new String[] {"realm_access//roles", "/roles", "realm_access/", "\"roles"}) {
            assertThat(failure(twoIssuers("sigil.issuer.keycloak.groups-claim", path)))
                    .startsWith("sigil.issuer.keycloak.groups-claim is not a well-formed claim path");
        }
    }

    @Test
    void load_secretKeyForAnOutsideIssuer_isRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("oct.jwks.json"),
                "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"s\",\"alg\":\"HS256\",\"k\":\"" + TestConfigs.SECRET + "\"}]}");
        assertThat(failure(twoIssuers("sigil.issuer.a.keys.location", secret.toString())))
                .startsWith("sigil.issuer.a.keys.location holds a secret (oct) key");
    }

    @Test
    void toString_namesIssuersAndLocationsButNoKeyMaterial() {
        assertThat(load(twoIssuers()).toString()).contains("a (iss=https://a.example", "groups-claim=realm_access/roles")
                .doesNotContain("\"x\"");
    }
}
