package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A {@code @RolesAllowed("admin")} EJB behind {@code /api/admin/whoami}. */
class EjbRolesIT extends SigilITBase {

    @Test
    void whoami_alice_is200AndTheEjbSeesHer() throws Exception {
        HttpResponse<String> response = send(get("/api/admin/whoami", tokenFor("alice", "alice-password")));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.getString("name")).isEqualTo("alice");
        assertThat(body.getString("ejbCaller")).isEqualTo("alice");
    }

    @Test
    void whoami_bob_is403() throws Exception {
        HttpResponse<String> response = send(get("/api/admin/whoami", tokenFor("bob", "bob-password")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void whoami_tokenWithAdminGroupForUserUnknownToTheStore_is200() throws Exception {
        HttpResponse<String> response = send(get("/api/admin/whoami", TestTokens.valid("dave", "[\"admin\"]")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("ejbCaller")).isEqualTo("dave");
    }

    @Test
    void whoami_withoutCredentials_is401() throws Exception {
        HttpResponse<String> response = send(get("/api/admin/whoami", null));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(REALM_CHALLENGE);
    }
}
