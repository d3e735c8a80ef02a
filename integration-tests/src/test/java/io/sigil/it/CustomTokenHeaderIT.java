package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code mp.jwt.token.header=X-Sigil-Token}: the header carries the bare token and replaces
 * {@code Authorization}. This server also runs with {@code sigil.token.direct-path=false}, so
 * that these token requests take the path through Jakarta Security's bridge module that every
 * other server of the suite bypasses for tokens. Runs only against a server configured so, which the system property
 * {@code sigil.it.token-header} announces: the Failsafe execution {@code custom-token-header} of
 * {@code integration-tests/pom.xml} starts one; elsewhere the class is disabled.
 */
@EnabledIfSystemProperty(named = "sigil.it.token-header", matches = "X-Sigil-Token")
class CustomTokenHeaderIT extends SigilITBase {

    @Test
    void me_tokenInTheCustomHeader_isAccepted() throws Exception {
        HttpResponse<String> response = send(request("/api/me")
                .header("X-Sigil-Token", tokenFor("alice", "alice-password")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("name")).isEqualTo("alice");
        assertThat(json(response).getString("authenticatedBy")).isEqualTo("token");
    }

    @Test
    void me_outsideIssuerTokenInTheCustomHeader_isAccepted() throws Exception {
        String token = TestKeys.OUTSIDE_ES256.sign(TestTokens.claims("partner", "[\"user\"]",
                System.currentTimeMillis() / 1000 + 300));
        HttpResponse<String> response = send(request("/api/me").header("X-Sigil-Token", token).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void me_badTokenInTheCustomHeader_is401InvalidToken() throws Exception {
        HttpResponse<String> response = send(request("/api/me").header("X-Sigil-Token", "not-a-token").GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void serverLog_saysEveryRequestGoesThroughTheBridge() throws Exception {
        String log = serverLog();
        // The WildFly executions of the build share one log file: this server's start is the last one.
        assertThat(log.lastIndexOf("sigil.token.direct-path=false: every request goes through"))
                .isGreaterThan(log.lastIndexOf("Sigil's direct token path registered in front of"));
    }

    @Test
    void me_authorizationBearer_isNoLongerRead() throws Exception {
        HttpResponse<String> response = send(get("/api/me", TestTokens.valid("carol", "[\"user\"]")));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(REALM_CHALLENGE);
    }
}
