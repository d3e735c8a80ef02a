package io.sigil.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InspectCommandTest {

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String UNSIGNED = b64("{\"alg\":\"none\"}") + "."
            + b64("{\"sub\":\"mallory\",\"exp\":1893456000}") + ".";

    @Test
    void inspect_unsignedToken_decodesAndSaysNothingWasVerified() {
        CliRun run = CliRun.of("inspect", UNSIGNED);
        assertThat(run.code()).as(run.both()).isZero();
        assertThat(run.out()).contains("\"verified\": false").contains("NOT VERIFIED")
                .contains("\"alg\": \"none\"").contains("\"sub\": \"mallory\"")
                .contains("\"exp\": \"2030-01-01T00:00:00Z\"").contains("\"signatureBytes\": 0");
        assertThat(run.err()).contains("NOT VERIFIED");
    }

    @Test
    void inspect_tokenOnStandardInput_isRead() {
        CliRun run = CliRun.of(UNSIGNED + "\n", Map.of(), "inspect");
        assertThat(run.code()).as(run.both()).isZero();
        assertThat(run.out()).contains("mallory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a.b", "a.b.c.d", "!!!.eyJ9.", "e30.bm90IGpzb24.", "e30.W10.", "e30.e30.@@"})
    void inspect_undecodableToken_exits1WithoutStackTrace(String token) {
        CliRun run = CliRun.of("inspect", token);
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void inspect_emptyStandardInput_exits2() {
        CliRun run = CliRun.of("  \n", Map.of(), "inspect");
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.err()).contains("no token");
    }
}
