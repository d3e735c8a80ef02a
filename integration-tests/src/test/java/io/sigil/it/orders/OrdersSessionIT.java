package io.sigil.it.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The example application with Sigil's form login ({@code sigil.endpoints.form.base-path=/account})
 * and the HttpSession fallback.
 */
@EnabledIfSystemProperty(named = "sigil.it.orders.archive", matches = ".+")
class OrdersSessionIT extends OrdersITBase {

    private final HttpClient browser = browser();

    private HttpResponse<String> login(String username, String password) throws Exception {
        return send(browser, postForm("/account/login", "username", username, "password", password));
    }

    @Test
    void loginPage_servesAForm() throws Exception {
        HttpResponse<String> response = send(browser, get("/account/login", null));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<form method=\"post\"", "name=\"username\"", "name=\"password\"");
    }

    @Test
    void formLogin_thenTheSessionCookieAlone_reachesTheOrders() throws Exception {
        HttpResponse<String> login = login("ann", "ann-example-password");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/orders/");
        assertThat(login.headers().firstValue("Set-Cookie").orElse("")).contains("JSESSIONID").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> orders = send(browser, get("/api/orders", null));
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(json(orders).getString("caller")).isEqualTo("ann");
        assertThat(json(orders).getString("readBy")).isEqualTo("ann");
        assertThat(send(browser, get("/api/orders/all", null)).statusCode()).isEqualTo(403);
    }

    @Test
    void formLogin_wrongPassword_is401WithoutSession() throws Exception {
        HttpResponse<String> login = login("ben", "wrong-password");
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(send(browser, get("/api/orders", null)).statusCode()).isEqualTo(401);
    }

    @Test
    void formLogout_endsTheSession() throws Exception {
        assertThat(login("ben", "ben-example-password").statusCode()).isEqualTo(303);
        assertThat(send(browser, get("/api/orders/all", null)).statusCode()).isEqualTo(200);

        assertThat(send(browser, post("/account/logout", null)).statusCode()).isEqualTo(303);

        HttpResponse<String> after = send(browser, get("/api/orders", null));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).hasValue(REALM_CHALLENGE);
    }
}
