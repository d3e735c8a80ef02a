package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a value in the running server's own secret store and gives the expression that a system
 * property holds instead of the value, as an operator does for {@code sigil.secret}:
 * <ul>
 * <li>WildFly: an Elytron {@code secret-key-credential-store} ({@value #WILDFLY_STORE}, in the
 * server's data directory, holding a generated AES key) and the {@code expression=encryption}
 * resolver {@value #WILDFLY_RESOLVER} over it; {@link #encrypted} asks the server to encrypt a
 * value ({@code create-expression}) and returns {@code ${ENC::resolver:ciphertext}}. Both
 * resources are created on first use and left in place (removing the resolver needs a reload).
 * WildFly decrypts the expression when the system property is written.</li>
 * <li>Payara Server: password aliases ({@code create-password-alias}, {@code update-password-alias},
 * {@code delete-password-alias}); {@link #aliasExpression} returns {@code ${ALIAS=name}}. asadmin
 * reads the value from a password file ({@code AS_ADMIN_ALIASPASSWORD=…}, owner-only, deleted
 * as soon as the command returns), never from its command line.</li>
 * </ul>
 * Payara Micro has neither store: {@link ServerSystemProperties#supported()} is false there.
 * Stateless.
 */
final class ServerSecretStore {

    static final String WILDFLY_STORE = "sigil-it-store";
    static final String WILDFLY_RESOLVER = "sigil-it";
    private static final String ELYTRON = "/subsystem=elytron";
    private static final Pattern EXPRESSION = Pattern.compile("\"expression\" => \"(\\$\\{ENC::[^\"]+\\})\"");

    private ServerSecretStore() {
    }

    /**
     * WildFly: encrypts {@code clearText} with the test resolver's key (creating the credential
     * store and the resolver if they are missing).
     *
     * @param clearText letters, digits, {@code -} and {@code _} only (base64url, ISO-8601 durations)
     * @return the encrypted expression, for a system property's value
     */
    static String encrypted(String clearText) throws IOException, InterruptedException {
        ensureWildFlyResolver();
        VariantDeployments.Result result = VariantDeployments.wildfly(ELYTRON + "/expression=encryption:create-expression(resolver="
                + WILDFLY_RESOLVER + ",clear-text=\"" + clearText + "\")");
        // The output carries the expression only, never the clear text.
        assertThat(result.exitCode()).as("create-expression: %s", result.output()).isZero();
        Matcher matcher = EXPRESSION.matcher(result.output());
        assertThat(matcher.find()).as("an encrypted expression in: %s", result.output()).isTrue();
        return matcher.group(1);
    }

    private static void ensureWildFlyResolver() throws IOException, InterruptedException {
        String store = ELYTRON + "/secret-key-credential-store=" + WILDFLY_STORE;
        if (!wildflyHas(store)) {
            // create and populate (the defaults) write the file with a generated 256-bit AES key, alias "key".
            expectSuccess(VariantDeployments.wildfly(store + ":add(path=" + WILDFLY_STORE
                    + ".cs,relative-to=jboss.server.data.dir)"), "add the credential store");
        }
        String resolver = ELYTRON + "/expression=encryption";
        if (!wildflyHas(resolver)) {
            expectSuccess(VariantDeployments.wildfly(resolver + ":add(resolvers=[{name=" + WILDFLY_RESOLVER
                    + ",credential-store=" + WILDFLY_STORE + ",secret-key=key}])"), "add the encryption resolver");
        }
    }

    /** @return {@code ${ALIAS=alias}}, the expression that makes Payara read the password alias */
    static String aliasExpression(String alias) {
        return "${ALIAS=" + alias + "}";
    }

    /**
     * Payara Server: creates the password alias, or gives an existing one the new value.
     *
     * @param alias     the alias
     * @param clearText its value
     */
    static void storeAlias(String alias, String clearText) throws IOException, InterruptedException {
        String command = hasAlias(alias) ? "update-password-alias" : "create-password-alias";
        Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "sigil-alias", ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(file, "AS_ADMIN_ALIASPASSWORD=" + clearText + "\n", StandardCharsets.UTF_8);
            expectSuccess(VariantDeployments.asadmin("--passwordfile", file.toString(), command, alias),
                    command + " " + alias);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Payara Server: deletes the password alias if it exists. */
    static void deleteAlias(String alias) throws IOException, InterruptedException {
        if (hasAlias(alias)) {
            expectSuccess(VariantDeployments.asadmin("delete-password-alias", alias), "delete-password-alias " + alias);
        }
    }

    /** Payara Server: deletes every password alias whose name starts with {@code prefix}. */
    static void deleteAliases(String prefix) throws IOException, InterruptedException {
        for (String alias : aliases()) {
            if (alias.startsWith(prefix)) {
                deleteAlias(alias);
            }
        }
    }

    private static boolean hasAlias(String alias) throws IOException, InterruptedException {
        return aliases().contains(alias);
    }

    private static List<String> aliases() throws IOException, InterruptedException {
        VariantDeployments.Result listed = VariantDeployments.asadmin("list-password-aliases");
        expectSuccess(listed, "list-password-aliases");
        return listed.output().lines().map(String::strip).filter(line -> !line.isEmpty() && !line.contains(" "))
                .toList();
    }

    private static boolean wildflyHas(String resource) throws IOException, InterruptedException {
        VariantDeployments.Result read = VariantDeployments.wildfly(resource + ":read-resource");
        return read.exitCode() == 0 && read.output().contains("\"outcome\" => \"success\"");
    }

    private static void expectSuccess(VariantDeployments.Result result, String what) {
        assertThat(result.exitCode()).as("%s: %s", what, result.output()).isZero();
    }
}
