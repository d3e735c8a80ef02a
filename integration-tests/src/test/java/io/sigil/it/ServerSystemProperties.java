package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

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
     * @param value its value: no quote or backslash; on Payara no colon or comma either (WildFly
     *              takes them: the value is quoted)
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

    private static boolean wildflyHas(String resource) throws IOException, InterruptedException {
        VariantDeployments.Result read = VariantDeployments.wildfly(resource + ":read-resource");
        return read.exitCode() == 0 && read.output().contains("\"outcome\" => \"success\"");
    }

    private static void expectSuccess(VariantDeployments.Result result, String what) {
        assertThat(result.exitCode()).as("%s: %s", what, result.output()).isZero();
    }
}
