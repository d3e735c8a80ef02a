package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets and removes system properties of the running server through its management interface, as
 * an operator does from the console: WildFly's {@code jboss-cli.sh} ({@code /system-property=…}),
 * Payara Server's {@code asadmin} ({@code create-system-properties}, {@code delete-system-property}).
 * Payara Micro has none: {@link #supported()} is false there. Stateless.
 */
final class ServerSystemProperties {

    private static final String TARGET = System.getProperty("arquillian.launch", "wildfly");

    private ServerSystemProperties() {
    }

    /** @return whether the server under test has a management interface the tests can drive */
    static boolean supported() {
        return TARGET.equals("wildfly") || TARGET.equals("payara-server");
    }

    /**
     * Sets a property, creating it or changing its value in one step (never removed in between).
     *
     * @param name  the property
     * @param value its value: no quote or backslash; on Payara no colon either (WildFly takes
     *              colons: the value is quoted)
     */
    static void set(String name, String value) throws IOException, InterruptedException {
        if (TARGET.equals("wildfly")) {
            String resource = "/system-property=" + name;
            boolean exists = wildflyHas(resource);
            String operation = exists ? ":write-attribute(name=value,value=\"" + value + "\")"
                    : ":add(value=\"" + value + "\")";
            expectSuccess(VariantDeployments.wildfly(resource + operation), "set " + name);
        } else {
            expectSuccess(VariantDeployments.asadmin("create-system-properties", name + "=" + value), "set " + name);
        }
    }

    /** Removes a property if it is set. */
    static void remove(String name) throws IOException, InterruptedException {
        if (TARGET.equals("wildfly")) {
            String resource = "/system-property=" + name;
            if (wildflyHas(resource)) {
                expectSuccess(VariantDeployments.wildfly(resource + ":remove"), "remove " + name);
            }
        } else {
            VariantDeployments.Result listed = VariantDeployments.asadmin("list-system-properties");
            if (listed.output().contains(name + "=")) {
                expectSuccess(VariantDeployments.asadmin("delete-system-property", name), "remove " + name);
            }
        }
    }

    /**
     * @param name the property
     * @return its value as the server's configuration holds it, if it is set there (not a value
     *         that comes from the environment or the application)
     */
    static Optional<String> value(String name) throws IOException, InterruptedException {
        if (TARGET.equals("wildfly")) {
            VariantDeployments.Result read = VariantDeployments.wildfly("/system-property=" + name + ":read-resource");
            Matcher value = Pattern.compile("\"value\" => \"([^\"]*)\"").matcher(read.output());
            return read.exitCode() == 0 && read.output().contains("\"outcome\" => \"success\"") && value.find()
                    ? Optional.of(value.group(1)) : Optional.empty();
        }
        VariantDeployments.Result listed = VariantDeployments.asadmin("list-system-properties");
        return listed.output().lines().map(String::trim).filter(line -> line.startsWith(name + "="))
                .map(line -> line.substring(name.length() + 1)).findFirst();
    }

    /**
     * Puts a property back as {@link #value} found it before a test changed it.
     *
     * @param name     the property
     * @param original what {@link #value} answered before
     */
    static void restore(String name, Optional<String> original) throws IOException, InterruptedException {
        if (original.isPresent()) {
            set(name, original.get());
        } else {
            remove(name);
        }
    }

    private static boolean wildflyHas(String resource) throws IOException, InterruptedException {
        VariantDeployments.Result read = VariantDeployments.wildfly(resource + ":read-resource");
        return read.exitCode() == 0 && read.output().contains("\"outcome\" => \"success\"");
    }

    private static void expectSuccess(VariantDeployments.Result result, String what) {
        assertThat(result.exitCode()).as("%s: %s", what, result.output()).isZero();
    }
}
