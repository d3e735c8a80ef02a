package io.sigil.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built tool jar with a real {@code java -jar} and an empty class path: proves the manifest
 * and that the jar carries everything it needs; checks that the library jars carry no tool. The jar paths come from Failsafe.
 */
class CliJarIT {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
        String both() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Result java(String jarProperty, String stdin, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty(jarProperty);
        assertThat(jar).as("system property " + jarProperty + " (set by Failsafe)").isNotNull();
        assertThat(Path.of(jar)).exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("java -jar finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void cliJar_help_runsWithNothingOnTheClassPath() throws Exception {
        Result help = java("sigil.cli.jar", "", "help");
        assertThat(help.code()).as(help.both()).isZero();
        assertThat(help.out()).contains("usage:").contains("keygen").contains("verify");
    }

    @Test
    void cliJar_keygenSignVerify_roundTripsAndRefusesATamperedToken() throws Exception {
        Result keygen = java("sigil.cli.jar", "", "keygen", "--alg", "ES256", "--kid", "it-1",
                "--out", "private.jwk", "--public-out", "public.jwks", "--jwks");
        assertThat(keygen.code()).as(keygen.both()).isZero();
        assertThat(keygen.out()).isEmpty();

        Result sign = java("sigil.cli.jar", "{\"iss\":\"sigil\",\"sub\":\"alice\",\"groups\":[\"user\"]}",
                "sign", "--key", "private.jwk", "--lifetime", "PT5M", "--iat", "--jti");
        assertThat(sign.code()).as(sign.both()).isZero();
        String token = sign.out().strip();
        assertThat(token.split("\\.")).hasSize(3);

        Result verify = java("sigil.cli.jar", token, "verify", "--key", "public.jwks");
        assertThat(verify.code()).as(verify.both()).isZero();
        assertThat(verify.out()).contains("\"sub\": \"alice\"");

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BA" : "AA");
        Result refused = java("sigil.cli.jar", tampered, "verify", "--key", "public.jwks");
        assertThat(refused.code()).as(refused.both()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).doesNotContain("\tat ");
    }

    @Test
    void libraryJars_haveNoMainClassAndNoToolClass() throws Exception {
        for (String property : List.of("sigil.token.jar", "sigil.jakarta.jar")) {
            Path jar = Path.of(System.getProperty(property));
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).as(jar.toString()).isNull();
                assertThat(file.stream().map(java.util.jar.JarEntry::getName))
                        .as(jar.toString()).noneMatch(name -> name.startsWith("io/sigil/auth/cli/"));
            }
        }
    }
}
