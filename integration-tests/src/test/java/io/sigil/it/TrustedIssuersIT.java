package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Two outside issuers of {@code sigil.issuers} beside Sigil's own (the build configures them, see
 * {@code integration-tests/pom.xml}): "issuer-a" (ES256, audience {@code sigil-it}) and a
 * Keycloak-shaped realm (RS256, roles in {@code realm_access/roles}). Each one's tokens are
 * accepted under its own keys only; a token that claims one issuer and is signed with another's
 * key, or with Sigil's, is a plain 401 {@code invalid_token}, as is a token of an unknown issuer.
 */
class TrustedIssuersIT extends SigilITBase {

    /** Must equal {@code sigil.issuer.issuer-a.iss} in the pom. */
    static final String ISSUER_A = "https://issuer-a.example";
    /** Must equal {@code sigil.issuer.keycloak.iss} in the pom: the shape of a Keycloak realm's iss. */
    static final String KEYCLOAK = "http://127.0.0.1:8180/realms/sigil-it";

    private static long in(long seconds) {
        return System.currentTimeMillis() / 1000 + seconds;
    }

    private static String issuerAClaims(String name, String audience) {
        return "{\"iss\":\"" + ISSUER_A + "\",\"sub\":\"" + name + "\",\"aud\":\"" + audience
                + "\",\"groups\":[\"partner\"],\"iat\":" + in(0) + ",\"exp\":" + in(300) + ",\"jti\":\"a-" + System.nanoTime()
                + "\"}";
    }

    /** Claims as a Keycloak realm writes them into an access token. */
    private static String keycloakClaims(String username, String rolesJson) {
        long now = in(0);
        return "{\"exp\":" + in(300) + ",\"iat\":" + now + ",\"auth_time\":" + now + ",\"jti\":\"kc-" + System.nanoTime()
                + "\",\"iss\":\"" + KEYCLOAK + "\",\"aud\":\"account\",\"sub\":\"0f8e7c52-5d1b-4b5e-9a43-2f1b7d6c9e10\","
                + "\"typ\":\"Bearer\",\"azp\":\"sigil-web\",\"session_state\":\"3c2b1a\",\"acr\":\"1\","
                + "\"allowed-origins\":[\"http://127.0.0.1\"],\"realm_access\":{\"roles\":" + rolesJson + "},"
                + "\"resource_access\":{\"account\":{\"roles\":[\"manage-account\",\"view-profile\"]}},"
                + "\"scope\":\"openid profile email\",\"email_verified\":true,\"name\":\"Kim Cloak\","
                + "\"preferred_username\":\"" + username + "\",\"given_name\":\"Kim\",\"family_name\":\"Cloak\"}";
    }

    @Test
    void me_tokenOfIssuerAUnderItsKey_isAccepted() throws Exception {
        HttpResponse<String> response = send(get("/api/me", TestKeys.ISSUER_A_ES256.sign(issuerAClaims("ann", "sigil-it"))));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.getString("name")).isEqualTo("ann");
        assertThat(body.getJsonArray("groups").getString(0)).isEqualTo("partner");
        assertThat(body.getString("authenticatedBy")).isEqualTo("token");
    }

    @Test
    void me_keycloakTokenUnderItsKey_hasTheRealmRolesAsGroups() throws Exception {
        String token = TestKeys.KEYCLOAK_RS256.sign(keycloakClaims("kim", "[\"offline_access\",\"admin\"]"));
        HttpResponse<String> response = send(get("/api/me", token));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.getString("name")).isEqualTo("kim");
        assertThat(body.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactlyInAnyOrder("offline_access", "admin");
    }

    @Test
    void whoami_keycloakTokenWithTheAdminRealmRole_is200AndTheEjbSeesTheCaller() throws Exception {
        String token = TestKeys.KEYCLOAK_RS256.sign(keycloakClaims("kim", "[\"admin\"]"));
        HttpResponse<String> response = send(get("/api/admin/whoami", token));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("ejbCaller")).isEqualTo("kim");
    }

    @Test
    void whoami_keycloakTokenWithoutTheAdminRealmRole_is403() throws Exception {
        // "admin" only as a client role and a top-level "groups" claim: neither is the realm roles path
        String claims = keycloakClaims("kim", "[\"user\"]").replace("\"manage-account\"", "\"admin\"")
                .replace("\"typ\":\"Bearer\"", "\"typ\":\"Bearer\",\"groups\":[\"admin\"]");
        HttpResponse<String> response = send(get("/api/admin/whoami", TestKeys.KEYCLOAK_RS256.sign(claims)));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void me_tokenClaimingIssuerASignedWithTheKeycloakKey_is401() throws Exception {
        String claims = issuerAClaims("mallory", "sigil-it");
        assertRefused(TestKeys.KEYCLOAK_RS256.sign(claims));
        // under issuer-a's kid: the kid only looks up issuer-a's keys, whose algorithm is ES256
        assertRefused(TestKeys.KEYCLOAK_RS256.sign("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"issuer-a-es256\"}", claims));
    }

    @Test
    void me_tokenClaimingKeycloakSignedWithTheKeyOfIssuerA_is401() throws Exception {
        String claims = keycloakClaims("mallory", "[\"admin\"]");
        assertRefused(TestKeys.ISSUER_A_ES256.sign(claims));
        assertRefused(TestKeys.ISSUER_A_ES256.sign("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"keycloak-rs256\"}", claims));
    }

    @Test
    void me_tokenClaimingAnOutsideIssuerSignedWithSigilsOwnKeys_is401() throws Exception {
        String claims = keycloakClaims("mallory", "[\"admin\"]");
        assertRefused(TestKeys.OUTSIDE_RS256.sign(claims)); // mp.jwt.verify.publickey.location
        assertRefused(TestKeys.ROTATION_OLD.sign(claims)); // sigil.verify.keys.location
        assertRefused(TestTokens.hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims, TestTokens.SERVER_SECRET));
    }

    @Test
    void me_tokenClaimingSigilSignedWithAnOutsideIssuersKey_is401() throws Exception {
        String claims = TestTokens.claims("mallory", "[\"admin\"]", in(300));
        assertRefused(TestKeys.KEYCLOAK_RS256.sign(claims));
        assertRefused(TestKeys.ISSUER_A_ES256.sign(claims));
    }

    @Test
    void me_tokenOfAnUnknownIssuer_is401() throws Exception {
        assertRefused(TestKeys.KEYCLOAK_RS256.sign(keycloakClaims("mallory", "[\"admin\"]")
                .replace(KEYCLOAK, "http://127.0.0.1:8180/realms/other")));
    }

    @Test
    void me_tokenOfIssuerAForAnotherAudience_is401() throws Exception {
        assertRefused(TestKeys.ISSUER_A_ES256.sign(issuerAClaims("mallory", "billing")));
    }

    @Test
    void logout_revokesAKeycloakToken() throws Exception {
        String token = TestKeys.KEYCLOAK_RS256.sign(keycloakClaims("kim", "[\"user\"]"));
        assertThat(send(get("/api/me", token)).statusCode()).isEqualTo(200);
        HttpResponse<String> logout = send(request("/api/auth/logout").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(logout.statusCode()).isEqualTo(204);
        HttpResponse<String> after = send(get("/api/me", token));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void refreshGrant_withAKeycloakToken_isInvalidGrant() throws Exception {
        String token = TestKeys.KEYCLOAK_RS256.sign(keycloakClaims("kim", "[\"admin\"]"));
        HttpResponse<String> response = send(postForm("/api/auth/token", "grant_type", "refresh_token",
                "refresh_token", token));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).getString("error")).isEqualTo("invalid_grant");
        assertThat(json(response).containsKey("access_token")).isFalse();
    }

    private void assertRefused(String token) throws Exception {
        HttpResponse<String> response = send(get("/api/me", token));
        assertThat(response.statusCode()).as("status for a bad token").isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
        assertThat(response.body()).doesNotContain("mallory");
    }
}
