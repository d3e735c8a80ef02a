package io.sigil.it.payara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * Deploys black-box test archives to a running Payara Server domain with its own
 * {@code asadmin deploy} and {@code undeploy}, as an administrator would. The build creates,
 * configures, starts and stops the domain (see the {@code payara-server} profile of this
 * module), so start and stop here only check that the domain answers. The Payara Server adapter
 * on Maven Central (2.5) is a javax-era one that needs its protocol and enrichers swapped out; this
 * class does the little these black-box tests need.
 * Not thread-safe; Arquillian calls it from one thread.
 */
public class AsadminDomainContainer implements DeployableContainer<AsadminDomainConfiguration> {

    private AsadminDomainConfiguration configuration;

    @Override
    public Class<AsadminDomainConfiguration> getConfigurationClass() {
        return AsadminDomainConfiguration.class;
    }

    @Override
    public void setup(AsadminDomainConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() {
        asadmin("version");
    }

    @Override
    public void stop() {
        // The build stops the domain in post-integration-test, also after a failed test run.
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        try {
            Path directory = Files.createTempDirectory("sigil-payara-deploy");
            Path file = directory.resolve(archive.getName());
            archive.as(ZipExporter.class).exportTo(file.toFile(), true);
            asadmin("deploy", "--force=true", "--name=" + applicationName(archive), file.toString());
        } catch (IOException | IllegalStateException e) {
            throw new DeploymentException("asadmin could not deploy " + archive.getName(), e);
        }
        return new ProtocolMetaData().addContext(new HTTPContext("127.0.0.1", configuration.getHttpPort()));
    }

    @Override
    public void undeploy(Archive<?> archive) {
        asadmin("undeploy", applicationName(archive));
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed to Payara by these tests");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed to Payara by these tests");
    }

    private static String applicationName(Archive<?> archive) {
        String name = archive.getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Runs one asadmin command against the domain; its output goes to this JVM's stdout. */
    private void asadmin(String... command) {
        List<String> line = new ArrayList<>(List.of(configuration.asadmin().toString(),
                "--host=127.0.0.1", "--port=" + configuration.getAdminPort(), "--interactive=false"));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            // asadmin ends by itself: its remote commands carry their own timeouts.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            System.out.print(output);
            if (exit != 0) {
                throw new IllegalStateException("asadmin " + command[0] + " failed with exit code " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + line.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running asadmin " + command[0], e);
        }
    }
}
