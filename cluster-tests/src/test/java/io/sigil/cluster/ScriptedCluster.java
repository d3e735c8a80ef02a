package io.sigil.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cluster started and stopped by the start/stop scripts under {@code server-config/<server>/cluster},
 * exactly as a user runs them. The node JVMs' process ids come from the pid files the start script
 * writes, so a test can kill one with SIGKILL. A shutdown hook runs the stop script if the test
 * JVM ends without {@link #close()}; the build's post-integration-test phase runs it once more.
 */
abstract class ScriptedCluster implements ClusterUnderTest {

    private final Path scriptDir;
    private final Path clusterDir;
    private final Map<String, String> environment;
    private final Thread shutdownHook = new Thread(this::stop, "stop-cluster");
    private volatile boolean stopped;

    ScriptedCluster(Path scriptDir, Path clusterDir, Map<String, String> environment) {
        this.scriptDir = scriptDir;
        this.clusterDir = clusterDir;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Runs the start script and waits for it: it returns once both nodes serve the application
     * and see each other.
     *
     * @param deployment the archive to deploy
     * @param timeout    how long the start may take
     * @throws IOException if the script fails or times out; the nodes are stopped then
     */
    void start(Path deployment, Duration timeout) throws IOException {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Path output = clusterDir.resolveSibling(clusterDir.getFileName() + "-start.log");
        try {
            run(List.of(scriptDir.resolve(startScript()).toString(), deployment.toString()), output, timeout);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public Instant kill(int node) throws IOException {
        long pid = Long.parseLong(Files.readString(nodeDir(node).resolve(pidFile())).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IOException(name() + " node" + node + " (pid " + pid + ") is not running"));
        Instant sent = Instant.now();
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while killing node" + node, e);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            throw new IOException(name() + " node" + node + " did not die", e);
        }
        return sent;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    @Override
    public Path keysFile(int node) {
        return keysFile(clusterDir, node);
    }

    /** @return where a node's {@code sigil.verify.keys.location} file is, beside the cluster's directory */
    static Path keysFile(Path clusterDir, int node) {
        return clusterDir.resolveSibling(clusterDir.getFileName() + "-keys").resolve("node" + node + ".jwks.json");
    }

    /**
     * @return the environment that gives each node its own rotation key file (with the old key)
     * @throws IOException if the files cannot be written
     */
    static Map<String, String> rotationKeyArgs(Path clusterDir) throws IOException {
        return Map.of("SIGIL_NODE1_SERVER_ARGS", RotationKeys.serverArgs(keysFile(clusterDir, 1)),
                "SIGIL_NODE2_SERVER_ARGS", RotationKeys.serverArgs(keysFile(clusterDir, 2)));
    }

    /** @return the settings plus {@link #rotationKeyArgs} */
    static Map<String, String> withRotationKeys(Path clusterDir, Map<String, String> settings) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.putAll(rotationKeyArgs(clusterDir));
        return all;
    }

    /** @return the directory the start script gave a node */
    Path nodeDir(int node) {
        return clusterDir.resolve("node" + node);
    }

    /** @return the name of the file, in a node's directory, that holds its JVM's pid */
    abstract String pidFile();

    /** @return the file name, in the script directory, of the script that starts the cluster */
    String startScript() {
        return "start-cluster.sh";
    }

    /** @return the file name, in the script directory, of the script that stops the cluster */
    String stopScript() {
        return "stop-cluster.sh";
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(List.of(scriptDir.resolve(stopScript()).toString()),
                    clusterDir.resolveSibling(clusterDir.getFileName() + "-stop.log"), Duration.ofSeconds(90));
        } catch (IOException e) {
            System.err.println("stopping the " + name() + " cluster: " + e.getMessage());
        }
    }

    /**
     * Runs a command with the cluster's environment, its output to a file, and waits for it.
     *
     * @throws IOException if it fails, or does not finish in time (it is killed then)
     */
    void run(List<String> command, Path output, Duration timeout) throws IOException {
        Files.createDirectories(output.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout + "; see " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed (exit " + process.exitValue() + "): "
                    + tail(output));
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /**
     * @return the instant of the first line of a log that contains a text, read with a parser of
     *         the line's leading timestamp
     */
    static Optional<Instant> firstLineWith(Path log, String text, java.util.function.Function<String, Instant> time)
            throws IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).findFirst().map(time);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
