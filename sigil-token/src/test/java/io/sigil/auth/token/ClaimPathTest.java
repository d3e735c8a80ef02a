package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimPathTest {

    private static JsonObject claims(String singleQuoted) {
        return Json.createReader(new StringReader(TestJws.json(singleQuoted))).readObject();
    }

    @Test
    void parse_nestedPath_hasItsNames() {
        assertThat(ClaimPath.parse("realm_access/roles").segments()).containsExactly("realm_access", "roles");
        assertThat(ClaimPath.parse("resource_access/my-client.app/roles").segments())
                .containsExactly("resource_access", "my-client.app", "roles");
    }

    @Test
    void parse_quotedName_mayHoldSlashes() {
        assertThat(ClaimPath.parse("\"https://example.com/roles\"").segments()).containsExactly("https://example.com/roles");
        assertThat(ClaimPath.parse("ext/\"a/b\"/c").segments()).containsExactly("ext", "a/b", "c");
    }

    @Test
    void parse_groups_isTheStandardClaim() {
        assertThat(ClaimPath.parse("groups").isStandardGroups()).isTrue();
        assertThat(ClaimPath.parse("\"groups\"")).isEqualTo(ClaimPath.groups());
        assertThat(ClaimPath.parse("realm_access/roles").isStandardGroups()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/roles", "roles/", "a//b", "\"", "\"a", "a\"b", "\"a\"b", "\"\"", "a/\"\"",
        "a\tb", "a\u0000b", "a/b\u007f"})
    void parse_malformedPath_isRefused(String path) {
        assertThatThrownBy(() -> ClaimPath.parse(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_tooDeepOrTooLongPath_isRefused() {
        assertThat(ClaimPath.parse("a/".repeat(ClaimPath.MAX_SEGMENTS - 1) + "a").segments()).hasSize(ClaimPath.MAX_SEGMENTS);
        assertThatThrownBy(() -> ClaimPath.parse("a/".repeat(ClaimPath.MAX_SEGMENTS) + "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimPath.parse("a".repeat(ClaimPath.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsIn_arrayOfStrings_givesThemInOrder() {
        assertThat(ClaimPath.parse("realm_access/roles").groupsIn(claims("{'realm_access':{'roles':['admin','user','admin']}}")))
                .containsExactly("admin", "user");
    }

    @Test
    void groupsIn_singleString_givesOneGroup() {
        assertThat(ClaimPath.parse("ext/role").groupsIn(claims("{'ext':{'role':'admin'}}"))).containsExactly("admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{'realm_access':null}", "{'realm_access':'admin'}", "{'realm_access':['admin']}",
        "{'realm_access':{}}", "{'realm_access':{'roles':null}}", "{'realm_access':{'roles':7}}",
        "{'realm_access':{'roles':{'admin':true}}}", "{'realm_access':{'roles':['admin',1]}}",
        "{'realm_access':{'roles':['admin',['user']]}}", "{'realm_access':{'roles':true}}"})
    void groupsIn_anythingElse_givesNoGroups(String json) {
        assertThat(ClaimPath.parse("realm_access/roles").groupsIn(claims(json))).isEmpty();
    }

    @Test
    void groupsIn_quotedNamespacedClaim_isFound() {
        assertThat(ClaimPath.parse("\"https://example.com/roles\"")
                .groupsIn(claims("{'https://example.com/roles':['a','b']}"))).containsExactly("a", "b");
    }

    @Test
    void toString_isThePathAsWritten() {
        assertThat(ClaimPath.parse("realm_access/roles")).hasToString("realm_access/roles");
    }
}
