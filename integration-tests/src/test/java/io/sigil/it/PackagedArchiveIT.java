package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The archive of the target under test ({@code sigil.ear} or {@code sigil.war}, as the build made
 * it) carries no command-line tool: no jar inside it, at any depth, holds a class of
 * {@code io.sigil.auth.cli}, and no Sigil or application jar has a {@code Main-Class} (H2, the
 * reference application's embedded database, is a third-party jar with its console as
 * {@code Main-Class}); the reference application's own classes include no token, JWKS, logout,
 * password or login-form code (it uses the library's endpoints). No server needed.
 */
class PackagedArchiveIT {

    @Test
    void archive_noJarAtAnyDepthCarriesTheToolOrAMainClass() throws IOException {
        List<String> jars = new ArrayList<>();
        walk(archive(), Files.readAllBytes(archive()), jars, new ArrayList<>());
        assertThat(jars).as("jars inside " + archive()).anyMatch(path -> path.contains("sigil-jakarta"))
                .anyMatch(path -> path.contains("sigil-token"));
    }

    @Test
    void archive_referenceApplicationHasNoEndpointCodeOfItsOwn() throws IOException {
        List<String> classes = new ArrayList<>();
        walk(archive(), Files.readAllBytes(archive()), new ArrayList<>(), classes);
        assertThat(classes).as("the reference application's classes")
                .isNotEmpty()
                .noneMatch(name -> name.matches("io/sigil/app/.*(Token|Jwks|Logout|Password|Login|ErrorPage).*"));
    }

    private static Path archive() {
        return Path.of(System.getProperty("sigil.it.archive", "target/deployments/sigil.ear"));
    }

    /** Reads a zip, checks each nested jar's manifest and entries, and recurses into wars and jars. */
    private static void walk(Object name, byte[] zip, List<String> jars, List<String> appClasses) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String path = name + "!/" + entry.getName();
                if (entry.getName().equals("META-INF/MANIFEST.MF") && name.toString().endsWith(".jar")
                        && !name.toString().matches(".*/h2(-[0-9.]+)?\\.jar")) {
                    Attributes main = new Manifest(in).getMainAttributes();
                    assertThat(main.getValue("Main-Class")).as("Main-Class of " + name).isNull();
                } else if (entry.getName().startsWith("io/sigil/auth/cli/")
                        || entry.getName().startsWith("WEB-INF/classes/io/sigil/auth/cli/")) {
                    throw new AssertionError("a command-line tool class in a deployed archive: " + path);
                } else if (entry.getName().endsWith(".jar") || entry.getName().endsWith(".war")) {
                    jars.add(path);
                    walk(path, in.readAllBytes(), jars, appClasses);
                } else if (entry.getName().endsWith(".class") && entry.getName().contains("io/sigil/app/")) {
                    appClasses.add(entry.getName().substring(entry.getName().indexOf("io/sigil/app/")));
                }
            }
        }
    }
}
