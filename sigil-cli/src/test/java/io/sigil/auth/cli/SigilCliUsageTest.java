package io.sigil.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SigilCliUsageTest {

    @Test
    void run_noArguments_printsUsageAndExits2() {
        CliRun run = CliRun.of();
        assertThat(run.code()).isEqualTo(SigilCli.USAGE);
        assertThat(run.err()).contains("usage:").contains("keygen").contains("verify");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void help_printsUsageOnStandardOutputAndExits0() {
        CliRun run = CliRun.of("help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("usage:").contains("inspect").contains("Exit codes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--verbose", "VERIFY"})
    void run_unknownCommand_exits2(String command) {
        CliRun run = CliRun.of(command);
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.err()).contains("unknown command");
    }

    @Test
    void keygen_unknownOption_exits2AndNamesIt() {
        CliRun run = CliRun.of("keygen", "--alg", "HS256", "--colour", "red");
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.err()).contains("--colour").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void keygen_optionWithoutValue_exits2() {
        CliRun run = CliRun.of("keygen", "--alg");
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.err()).contains("--alg needs a value");
    }

    @Test
    void keygen_repeatedOption_exits2() {
        CliRun run = CliRun.of("keygen", "--alg", "HS256", "--alg=HS512");
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.err()).contains("given twice");
    }

    @Test
    void keygen_unknownAlgorithm_exits2() {
        CliRun run = CliRun.of("keygen", "--alg", "none");
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void verify_withoutKeyOrConfig_exits2() {
        CliRun run = CliRun.of("eyJ.eyJ.sig", Map.of(), "verify");
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.err()).contains("--key").contains("--config");
    }

    @Test
    void verify_missingKeyFile_exits2WithoutStackTrace() {
        CliRun run = CliRun.of("eyJ.eyJ.sig", Map.of(), "verify", "--key", "/nonexistent/sigil-key.jwk");
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.err()).contains("/nonexistent/sigil-key.jwk").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void verify_tooManyArguments_doesNotEchoThem() {
        CliRun run = CliRun.of("verify", "--key", "x", "token-one", "s3cr3t-pasted-here");
        assertThat(run.code()).as(run.both()).isEqualTo(SigilCli.USAGE);
        assertThat(run.err()).doesNotContain("s3cr3t-pasted-here").doesNotContain("token-one");
    }
}
