package io.sigil.auth.principal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.token.JwtClaims;
import io.sigil.auth.token.VerifiedToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.Test;

class SigilJsonWebTokenTest {

    private static final JsonObject JSON = Json.createObjectBuilder()
            .add("iss", "sigil").add("sub", "alice-id").add("upn", "alice")
            .add("groups", Json.createArrayBuilder().add("admin").add("user"))
            .add("iat", 1_700_000_000L).add("exp", 1_700_000_900L).add("jti", "id-1")
            .add("aud", "orders").add("custom", Json.createObjectBuilder().add("a", 1))
            .add("flag", true)
            .build();

    private final SigilJsonWebToken principal = new SigilJsonWebToken(new VerifiedToken("h.p.s", null,
            new JwtClaims("alice", "alice-id", "sigil", Set.of("orders"), Set.of("admin", "user"),
                    Instant.ofEpochSecond(1_700_000_000L), Instant.ofEpochSecond(1_700_000_900L), "id-1", JSON)));

    @Test
    void standardClaims_haveTheMicroProfileTypes() {
        assertThat(principal.getName()).isEqualTo("alice");
        assertThat(principal.getSubject()).isEqualTo("alice-id");
        assertThat(principal.getIssuer()).isEqualTo("sigil");
        assertThat(principal.getGroups()).containsExactlyInAnyOrder("admin", "user");
        assertThat(principal.getAudience()).containsExactly("orders");
        assertThat(principal.getExpirationTime()).isEqualTo(1_700_000_900L);
        assertThat(principal.getIssuedAtTime()).isEqualTo(1_700_000_000L);
        assertThat(principal.getTokenID()).isEqualTo("id-1");
        assertThat(principal.getRawToken()).isEqualTo("h.p.s");
        assertThat((Object) principal.getClaim(Claims.exp)).isInstanceOf(Long.class);
    }

    @Test
    void otherClaims_areTheirJsonValues_andMissingOnesNull() {
        assertThat((Object) principal.getClaim("custom")).isEqualTo(Json.createObjectBuilder().add("a", 1).build());
        assertThat((Object) principal.getClaim("flag")).isEqualTo(JsonValue.TRUE);
        assertThat((Object) principal.getClaim("missing")).isNull();
        assertThat(principal.getClaimNames()).contains("upn", "groups", "custom", "raw_token");
    }

    @Test
    void toString_showsNameAndIdButNeverTheToken() {
        assertThat(principal.toString()).contains("alice", "id-1").doesNotContain("h.p.s");
    }
}
