package io.sigil.it.orders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The example application with tokens: issued against its own identity store, checked by
 * {@code @RolesAllowed} on its resource and its EJB, revoked by Sigil's logout endpoint.
 */
@EnabledIfSystemProperty(named = "sigil.it.orders.archive", matches = ".+")
class OrdersTokenIT extends OrdersITBase {

    @Test
    void token_wrongPassword_is401() throws Exception {
        HttpResponse<String> response = send(postForm("/auth/token", "username", "ann", "password", "wrong-password"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(REALM_CHALLENGE);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(PROBLEM_JSON);
    }

    @Test
    void orders_buyer_is200AndTheEjbSeesTheCaller() throws Exception {
        HttpResponse<String> response = send(get("/api/orders", tokenFor("ann", "ann-example-password")));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.getString("caller")).isEqualTo("ann");
        assertThat(body.getString("readBy")).isEqualTo("ann");
        assertThat(body.getJsonArray("items").getValuesAs(JsonString::getString))
                .containsExactly("espresso beans, 1 kg", "milk jug");
    }

    @Test
    void allOrders_buyerWithoutTheAuditorRole_is403() throws Exception {
        HttpResponse<String> response = send(get("/api/orders/all", tokenFor("ann", "ann-example-password")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(PROBLEM_JSON);
    }

    @Test
    void allOrders_auditor_is200AndTheEjbSeesTheCaller() throws Exception {
        HttpResponse<String> response = send(get("/api/orders/all", tokenFor("ben", "ben-example-password")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("readBy")).isEqualTo("ben");
        assertThat(json(response).getJsonArray("items")).hasSize(3);
    }

    @Test
    void orders_withoutCredentials_is401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = send(get("/api/orders", null));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(REALM_CHALLENGE);
    }

    @Test
    void orders_tamperedToken_is401InvalidTokenAsProblemJson() throws Exception {
        String token = tokenFor("ben", "ben-example-password");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        HttpResponse<String> response = send(get("/api/orders", tampered));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(PROBLEM_JSON);
    }

    @Test
    void logout_revokesTheToken() throws Exception {
        String token = tokenFor("ann", "ann-example-password");
        assertThat(send(get("/api/orders", token)).statusCode()).isEqualTo(200);

        assertThat(send(post("/auth/logout", token)).statusCode()).isEqualTo(204);

        HttpResponse<String> after = send(get("/api/orders", token));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
    }

    @Test
    void endpoints_followTheApplicationsSettings() throws Exception {
        assertThat(send(get("/auth/password", null)).statusCode()).as("switched off").isEqualTo(404);
        assertThat(send(get("/auth/token", null)).statusCode()).as("moved to /auth").isNotEqualTo(404);
        assertThat(send(get("/.well-known/jwks.json", null)).statusCode()).isEqualTo(200);
    }
}
