package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A {@code @RolesAllowed("admin")} EJB behind {@code /api/admin/whoami}. */
class EjbRolesIT extends SigilITBase {

    /** A stack frame, or the names the servers give a refused EJB call. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)^\\s*at [\\w$.]+\\(|Caused by:|EJBAccessException|AccessLocalException|WFLYEJB0034|AS-EJB-00056");

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
    void whoami_bobRefused_leavesNoStackTraceInTheServerLog() throws Exception {
        Assumptions.assumeTrue(ServerLog.configured(), "no server log named (sigil.it.server-log)");
        String token = tokenFor("bob", "bob-password");
        long before = ServerLog.size();
        for (int i = 0; i < 3; i++) {
            assertThat(send(get("/api/admin/whoami", token)).statusCode()).isEqualTo(403);
        }
        String written = ServerLog.writtenSince(before);
        assertThat(STACK_TRACE.matcher(written).find())
                .as("the server logged a refused call with a stack trace:%n%s", written)
                .isFalse();
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
