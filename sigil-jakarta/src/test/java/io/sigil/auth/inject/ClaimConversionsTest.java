package io.sigil.auth.inject;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.Test;

/** The conversions of {@code @Claim} injection: raw types, Optional, JSON-P; and the claim names. */
class ClaimConversionsTest {

    // Fields whose generic types the tests convert to.
    Optional<String> optionalString;
    Set<String> strings;
    Optional<Long> optionalLong;

    @Test
    void convert_rawTypes_followTheJsonType() {
        assertThat(ClaimConversions.convert("alice", String.class)).isEqualTo("alice");
        assertThat(ClaimConversions.convert(Json.createValue("alice"), String.class)).isEqualTo("alice");
        assertThat(ClaimConversions.convert(1700000000L, Long.class)).isEqualTo(1700000000L);
        assertThat(ClaimConversions.convert(Json.createValue(42), long.class)).isEqualTo(42L);
        assertThat(ClaimConversions.convert(JsonValue.TRUE, Boolean.class)).isEqualTo(true);
        assertThat(ClaimConversions.convert(Json.createValue(3.5), Double.class)).isEqualTo(3.5);
        assertThat(ClaimConversions.convert(Set.of("a"), type("strings"))).isEqualTo(Set.of("a"));
    }

    @Test
    void convert_missingOrMismatched_givesNullEmptyOrTheDefault() {
        assertThat(ClaimConversions.convert(null, String.class)).isNull();
        assertThat(ClaimConversions.convert(Json.createValue(1), String.class)).isNull();
        assertThat(ClaimConversions.convert(null, long.class)).isEqualTo(0L);
        assertThat(ClaimConversions.convert(null, boolean.class)).isEqualTo(false);
        assertThat(ClaimConversions.convert(null, type("optionalString"))).isEqualTo(Optional.empty());
        assertThat(ClaimConversions.convert(7L, type("optionalLong"))).isEqualTo(Optional.of(7L));
    }

    @Test
    void convert_jsonTypes_rebuildTheClaimAsJson() {
        assertThat(ClaimConversions.convert("iss", JsonString.class)).isEqualTo(Json.createValue("iss"));
        assertThat(ClaimConversions.convert(5L, JsonNumber.class)).isEqualTo(Json.createValue(5L));
        assertThat(((JsonArray) ClaimConversions.convert(Set.of("g"), JsonArray.class)).getString(0)).isEqualTo("g");
        JsonObject object = Json.createObjectBuilder().add("k", 1).build();
        assertThat(ClaimConversions.convert(object, JsonObject.class)).isEqualTo(object);
        assertThat(ClaimConversions.convert(object, JsonValue.class)).isEqualTo(object);
        assertThat(ClaimConversions.convert("text", JsonNumber.class)).isNull();
    }

    @Test
    void claimName_valueOrStandard_neverTwoDifferentOnes() throws Exception {
        assertThat(ClaimNames.of(annotation("byValue"))).isEqualTo("custom");
        assertThat(ClaimNames.of(annotation("byStandard"))).isEqualTo("sub");
        assertThat(ClaimNames.of(annotation("both"))).isEqualTo("iss");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClaimNames.of(annotation("conflict")))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClaimNames.of(annotation("none")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Claim("custom")
    String byValue;
    @Claim(standard = Claims.sub)
    String byStandard;
    @Claim(value = "iss", standard = Claims.iss)
    String both;
    @Claim(value = "iss", standard = Claims.sub)
    String conflict;
    @Claim
    String none;

    private static Claim annotation(String field) throws NoSuchFieldException {
        return ClaimConversionsTest.class.getDeclaredField(field).getAnnotation(Claim.class);
    }

    private static Type type(String field) {
        try {
            return ClaimConversionsTest.class.getDeclaredField(field).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
