package io.sigil.it.payara;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * Runs the black-box test archive on Payara Micro: {@code java -jar payara-micro.jar … --deploy
 * ARCHIVE}, the way the README runs it. Micro deploys only at start, so a deployment is a start;
 * every test class deploys the same archive, and an instance already running it is kept instead
 * of being restarted (one Micro start per test run, not one per class). Everything the process
 * prints goes to the configured log file, which the tests read. The process ends in
 * {@link #stop()}, or with the test JVM. Not thread-safe; Arquillian calls it from one thread.
 */
public class MicroProcessContainer implements DeployableContainer<MicroProcessConfiguration> {

    private static final String READY = " ready in ";
    private static final String DEPLOYED = "was successfully deployed";

    private MicroProcessConfiguration configuration;
    private Process process;
    private byte[] runningDigest;

    @Override
    public Class<MicroProcessConfiguration> getConfigurationClass() {
        return MicroProcessConfiguration.class;
    }

    @Override
    public void setup(MicroProcessConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() {
        // Micro starts with its deployment, in deploy().
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
            runningDigest = null;
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        ProtocolMetaData context = new ProtocolMetaData()
                .addContext(new HTTPContext("127.0.0.1", configuration.getHttpPort()));
        try {
            Path log = Path.of(configuration.getLogFile());
            Path file = log.resolveSibling("deployments").resolve(archive.getName());
            Files.createDirectories(file.getParent());
            archive.as(ZipExporter.class).exportTo(file.toFile(), true);
            byte[] digest = contentDigest(archive);
            if (process != null && process.isAlive() && Arrays.equals(digest, runningDigest)) {
                return context;
            }
            stop();
            start(file, log);
            runningDigest = digest;
            return context;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new DeploymentException("cannot start Payara Micro with " + archive.getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("interrupted while Payara Micro started", e);
        }
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // Kept running for the next test class; stop() ends it.
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed to Payara Micro by these tests");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed to Payara Micro by these tests");
    }

    /** A digest of the archive's paths and contents (an exported zip differs by its timestamps). */
    private static byte[] contentDigest(Archive<?> archive) throws NoSuchAlgorithmException, IOException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Map<ArchivePath, Node> content = new TreeMap<>(archive.getContent());
        for (Map.Entry<ArchivePath, Node> entry : content.entrySet()) {
            digest.update(entry.getKey().get().getBytes(StandardCharsets.UTF_8));
            Asset asset = entry.getValue().getAsset();
            if (asset != null) {
                try (InputStream in = asset.openStream()) {
                    digest.update(in.readAllBytes());
                }
            }
        }
        return digest.digest();
    }

    private void start(Path archive, Path log) throws IOException, InterruptedException, DeploymentException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(configuration.getJavaHome(), "bin", "java").toString());
        command.addAll(MicroProcessConfiguration.split(configuration.getJvmArgs()));
        command.addAll(List.of("-jar", configuration.getMicroJar()));
        command.addAll(MicroProcessConfiguration.split(configuration.getMicroArgs()));
        command.addAll(List.of("--deploy", archive.toString()));
        long offset = Files.exists(log) ? Files.size(log) : 0;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));

        long deadline = System.nanoTime() + Duration.ofSeconds(configuration.getStartupTimeoutInSeconds()).toNanos();
        while (System.nanoTime() < deadline) {
            String written = since(log, offset);
            if (written.contains(READY)) {
                if (!written.contains(DEPLOYED)) {
                    throw new DeploymentException("Payara Micro started without deploying "
                            + archive.getFileName() + "; see " + log);
                }
                return;
            }
            if (!started.isAlive()) {
                throw new DeploymentException("Payara Micro ended with exit code " + started.exitValue()
                        + "; see " + log);
            }
            Thread.sleep(500);
        }
        stop();
        throw new DeploymentException("Payara Micro did not start within "
                + configuration.getStartupTimeoutInSeconds() + " s; see " + log);
    }

    private static String since(Path log, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int from = (int) Math.min(offset, bytes.length);
        return new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
    }
}
