package io.sigil.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * A second copy of the reference EAR, deployed beside the one under test with its own context
 * root and a few settings of its own, through the server's own administration tool (WildFly's
 * {@code jboss-cli.sh}, Payara Server's {@code asadmin}); for the tests of what a deployment does
 * with a bad setting. The settings ride in a jar in the EAR's {@code lib/} whose
 * {@code microprofile-config.properties} has ordinal 1000, above the server's environment and
 * system properties. Payara Micro has no administration tool: {@link #supported()} is false there.
 */
final class VariantDeployments {

    private static final String TARGET = System.getProperty("arquillian.launch", "wildfly");

    private VariantDeployments() {
    }

    /** What the administration tool said. */
    record Result(int exitCode, String output) {
    }

    /** @return whether this target can deploy a second application from the test */
    static boolean supported() {
        return TARGET.equals("wildfly") || TARGET.equals("payara-server");
    }

    /**
     * Writes a variant of the built EAR.
     *
     * @param name         the application name, also its context root
     * @param properties   MicroProfile Config lines of its own
     * @param extraModules more application.xml elements (a {@code <data-source>}), or ""; they go last
     * @return the file
     */
    static Path build(String name, String properties, String extraModules) {
        File original = new File(System.getProperty("sigil.it.archive", "target/deployments/sigil.ear"));
        EnterpriseArchive ear = ShrinkWrap.create(ZipImporter.class, name + ".ear").importFrom(original)
                .as(EnterpriseArchive.class);
        String application = new String(readAll(ear.get("META-INF/application.xml").getAsset().openStream()),
                StandardCharsets.UTF_8)
                .replace("<context-root>/app</context-root>", "<context-root>/" + name + "</context-root>")
                // After library-directory, where the schema wants resource definitions.
                .replace("</application>", extraModules + "</application>");
        ear.delete("META-INF/application.xml");
        ear.addAsManifestResource(new StringAsset(application), "application.xml");
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, name + "-settings.jar")
                .addAsManifestResource(new StringAsset("config_ordinal=1000\n" + properties),
                        "microprofile-config.properties"));
        // One directory per target, so that two targets' runs never write the same file.
        File file = new File(new File(original.getParentFile(), TARGET), name + ".ear");
        file.getParentFile().mkdirs();
        ear.as(ZipExporter.class).exportTo(file, true);
        return file.toPath();
    }

    /** Deploys the file under its name; the tool's output carries the failure, if any. */
    static Result deploy(Path ear, String name) throws IOException, InterruptedException {
        if (TARGET.equals("wildfly")) {
            return wildfly("deploy " + ear.toAbsolutePath() + " --name=" + name + ".ear");
        }
        return asadmin("deploy", "--name", name, ear.toAbsolutePath().toString());
    }

    /** Undeploys it, if it is there. */
    static Result undeploy(String name) throws IOException, InterruptedException {
        if (TARGET.equals("wildfly")) {
            return wildfly("undeploy " + name + ".ear");
        }
        return asadmin("undeploy", name);
    }

    /** Runs one command of WildFly's {@code jboss-cli.sh} against the server under test. */
    static Result wildfly(String command) throws IOException, InterruptedException {
        String home = System.getProperty("jboss.home");
        return run(List.of(home + "/bin/jboss-cli.sh", "--connect",
                "--controller=127.0.0.1:" + System.getProperty("sigil.it.management-port", "9990"),
                "--command=" + command));
    }

    /** Runs one {@code asadmin} command against the Payara Server domain under test. */
    static Result asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("sigil.it.payara-home") + "/bin/asadmin",
                "--host", "127.0.0.1", "--port", System.getProperty("sigil.it.payara-admin-port", "4848")));
        command.addAll(List.of(arguments));
        return run(command);
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
