package io.sigil.auth.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.MapConfig;
import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.config.SigilConfigLoader;
import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.config.TrustedIssuers;
import io.sigil.auth.principal.SigilJsonWebToken;
import io.sigil.auth.refresh.RefreshSettings;
import io.sigil.auth.revocation.MapRevocationStore;
import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.testing.TestTokens;
import io.sigil.auth.throttle.ThrottlePolicy;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.JwsAlgorithm;
import io.sigil.auth.token.SigningKey;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token identity store with two outside issuers beside Sigil's own, as the server wires it. */
class OutsideIssuerIdentityStoreTest {

    private static final String KEYCLOAK = "https://kc.example/realms/demo";
    private static final long EXP = TestTokens.NOW.plus(Duration.ofMinutes(5)).getEpochSecond();

    @TempDir
    Path dir;

    private SigningKey keyA;
    private SigningKey keyKeycloak;
    private SigilConfig config;
    private TrustedIssuers issuers;
    private MapRevocationStore revocations;
    private TokenIdentityStore store;

    @BeforeEach
    void setUp() throws Exception {
        keyA = ecKey("a-1");
        keyKeycloak = ecKey("kc-1");
        Path a = Files.writeString(dir.resolve("a.jwks.json"), Jwk.publicJwkSet(List.of(keyA.verificationKey())).toString());
        Path kc = Files.writeString(dir.resolve("kc.jwks.json"),
                Jwk.publicJwkSet(List.of(keyKeycloak.verificationKey())).toString());
        MapConfig mp = MapConfig.of(SigilConfigLoader.SECRET, TestConfigs.SECRET,
                "sigil.issuers", "a,keycloak",
                "sigil.issuer.a.iss", "https://a.example", "sigil.issuer.a.keys.location", a.toString(),
                "sigil.issuer.a.audiences", "orders",
                "sigil.issuer.keycloak.iss", KEYCLOAK, "sigil.issuer.keycloak.keys.location", kc.toString(),
                "sigil.issuer.keycloak.groups-claim", "realm_access/roles");
        config = SigilConfigLoader.load(mp, getClass().getClassLoader(), TestTokens.CLOCK);
        issuers = TrustedIssuers.load(mp, config.policy(), getClass().getClassLoader(), TestTokens.CLOCK);
        revocations = new MapRevocationStore(new ConcurrentHashMap<>(), false, config.policy().clockSkew(),
                config.tokenLifetime(), TestTokens.CLOCK);
        store = new TokenIdentityStore();
        store.settings = SigilSettings.fixed(SigilSettings.Snapshot.of(config, issuers, ThrottlePolicy.defaults(),
                RefreshSettings.defaults(), TestTokens.CLOCK));
        store.revocations = revocations;
        store.metrics = new SigilMetrics();
    }

    static SigningKey ecKey(String kid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        return SigningKey.of(JwsAlgorithm.ES256, kid, pair.getPrivate(), pair.getPublic());
    }

    private static String jws(SigningKey key, String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + key.keyId() + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(claims.replace('\'', '"')
                .getBytes(StandardCharsets.UTF_8));
        return input + "." + b64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String keycloakClaims(String jti) {
        return "{'iss':'" + KEYCLOAK + "','sub':'8d1e','preferred_username':'kc-admin','azp':'web','typ':'Bearer',"
                + "'realm_access':{'roles':['admin','offline_access']},'iat':" + TestTokens.NOW.getEpochSecond()
                + ",'exp':" + EXP + ",'jti':'" + jti + "'}";
    }

    private CredentialValidationResult validate(String token) {
        return store.validate(new TokenCredential(token));
    }

    @Test
    void validate_keycloakToken_givesTheRealmRolesAsGroups() {
        CredentialValidationResult result = validate(jws(keyKeycloak, keycloakClaims("kc-1")));
        assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(result.getCallerGroups()).containsExactlyInAnyOrder("admin", "offline_access");
        SigilJsonWebToken principal = (SigilJsonWebToken) result.getCallerPrincipal();
        assertThat(principal.getName()).isEqualTo("kc-admin");
        assertThat(principal.getGroups()).containsExactlyInAnyOrder("admin", "offline_access");
        assertThat(principal.getIssuer()).isEqualTo(KEYCLOAK);
        assertThat((String) principal.getClaim("azp")).isEqualTo("web");
    }

    @Test
    void validate_keycloakTokenPresentedAgain_hasTheSameGroups() {
        String token = jws(keyKeycloak, keycloakClaims("kc-2"));
        assertThat(validate(token).getCallerGroups()).contains("admin");
        assertThat(validate(token).getCallerGroups()).containsExactlyInAnyOrder("admin", "offline_access");
    }

    @Test
    void validate_revokedKeycloakToken_isInvalid() {
        String token = jws(keyKeycloak, keycloakClaims("kc-3"));
        assertThat(validate(token).getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
        revocations.revokeToken("kc-3", TestTokens.NOW.plusSeconds(300));
        assertThat(validate(token).getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void validate_tokenOfIssuerA_isAcceptedWithItsAudienceOnly() {
        String claims = "{'iss':'https://a.example','sub':'ann','aud':'orders','groups':['buyer'],'exp':" + EXP + "}";
        assertThat(validate(jws(keyA, claims)).getCallerGroups()).containsExactly("buyer");
        assertThat(validate(jws(keyA, claims.replace("orders", "billing"))).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void validate_tokenClaimingOneIssuerSignedWithTheOthersKey_isInvalid() {
        assertThat(validate(jws(keyA, keycloakClaims("kc-4"))).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
        String claimsA = "{'iss':'https://a.example','sub':'m','aud':'orders','exp':" + EXP + "}";
        assertThat(validate(jws(keyKeycloak, claimsA)).getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void validate_tokenClaimingSigilSignedWithAnOutsideKey_isInvalid() {
        String claims = "{'iss':'" + config.policy().issuer() + "','sub':'m','groups':['admin'],'exp':" + EXP + "}";
        assertThat(validate(jws(keyKeycloak, claims)).getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void validate_unknownIssuer_isInvalid() {
        String claims = keycloakClaims("kc-5").replace(KEYCLOAK, "https://kc.example/realms/other");
        assertThat(validate(jws(keyKeycloak, claims)).getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void validate_sigilsOwnToken_isStillAccepted() {
        String token = new TestTokens(config, TestTokens.CLOCK).issue("sam", "user").compact();
        assertThat(validate(token).getCallerGroups()).containsExactly("user");
    }
}
