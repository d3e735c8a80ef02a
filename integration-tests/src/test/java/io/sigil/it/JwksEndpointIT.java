package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code GET /app/.well-known/jwks.json}: Sigil's public verification keys, never a secret. */
class JwksEndpointIT extends SigilITBase {

    /** Members that only private or symmetric JWKs have. */
    private static final List<String> PRIVATE_MEMBERS = List.of("d", "k", "p", "q", "dp", "dq", "qi", "oth");

    @Test
    void jwks_withoutCredentials_isPublicCacheableJwkSet() throws Exception {
        HttpResponse<String> response = send(get("/.well-known/jwks.json", null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/jwk-set+json");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("public").contains("max-age=");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(json(response).getJsonArray("keys")).isNotEmpty();
    }

    @Test
    void jwks_withItsEtag_is304WithoutBody() throws Exception {
        HttpResponse<String> first = send(get("/.well-known/jwks.json", null));
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = send(request("/.well-known/jwks.json").header("If-None-Match", etag).GET().build());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void jwks_publishesTheSigningKeyAndTheRotationKeysButNoOutsideIssuerKey() throws Exception {
        Map<String, JsonObject> keys = keysByKid();

        assertThat(keys).containsKeys("sigil-it-1", "rotation-new");
        assertThat(keys.keySet()).noneMatch(kid -> kid.startsWith("outside-"));
        JsonObject signing = keys.get("sigil-it-1");
        assertThat(signing.getString("kty")).isEqualTo("RSA");
        assertThat(signing.getString("alg")).isEqualTo("RS256");
        assertThat(signing.getString("use")).isEqualTo("sig");
        assertThat(signing.getString("n")).isNotEmpty();
        assertThat(signing.getString("e")).isNotEmpty();
    }

    @Test
    void jwks_carriesNoPrivateOrSymmetricMember() throws Exception {
        HttpResponse<String> response = send(get("/.well-known/jwks.json", null));
        for (JsonValue key : json(response).getJsonArray("keys")) {
            assertThat(key.asJsonObject().keySet()).doesNotContainAnyElementsOf(PRIVATE_MEMBERS);
            assertThat(key.asJsonObject().getString("kty")).isNotEqualTo("oct");
        }
        assertThat(response.body()).doesNotContain(System.getProperty("sigil.it.secret", "c2lnaWwtaW50ZWdyYXRpb24tdGVzdC1zZWNyZXQtMzI"));
    }

    /** What a relying service does: verify a token Sigil issued with the published key alone. */
    @Test
    void jwks_publishedKeyVerifiesATokenSigilIssued() throws Exception {
        String token = tokenFor("bob", "bob-password");
        JsonObject jwk = keysByKid().get("sigil-it-1");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));

        int lastDot = token.lastIndexOf('.');
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)))).isTrue();
    }

    @Test
    void jwks_withAnInvalidBearerToken_isStill401NotTheKeys() throws Exception {
        HttpResponse<String> response = send(get("/.well-known/jwks.json", "not-a-token"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN_CHALLENGE);
    }

    private Map<String, JsonObject> keysByKid() throws Exception {
        HttpResponse<String> response = send(get("/.well-known/jwks.json", null));
        assertThat(response.statusCode()).isEqualTo(200);
        Set<JsonObject> keys = json(response).getJsonArray("keys").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toSet());
        return keys.stream().collect(Collectors.toMap(k -> k.getString("kid"), k -> k));
    }
}
