package io.sigil.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Two Payara Micro 6 nodes from {@code server-config/payara/cluster/start-cluster.sh}, with the
 * application's WAR, demo users and the test secret (inherited as {@code SIGIL_SECRET}). Settings
 * come from the system properties the build sets ({@code sigil.cluster.payara.*}).
 */
final class PayaraMicroCluster extends ScriptedCluster {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final int[] httpPorts;
    private final int[] gridPorts;

    private PayaraMicroCluster(Path scripts, Path dir, int[] httpPorts, int[] gridPorts, Map<String, String> env) {
        super(scripts, dir, env);
        this.httpPorts = httpPorts.clone();
        this.gridPorts = gridPorts.clone();
    }

    /**
     * Starts the cluster and waits until both nodes serve the application in one data grid.
     *
     * @return the running cluster
     * @throws IOException if it does not start in time; nothing is left running then
     */
    static PayaraMicroCluster start() throws IOException {
        int[] http = {Integer.getInteger("sigil.cluster.payara.node1.http", 24080),
                Integer.getInteger("sigil.cluster.payara.node2.http", 24081)};
        int[] grid = {Integer.getInteger("sigil.cluster.payara.node1.grid", 6900),
                Integer.getInteger("sigil.cluster.payara.node2.grid", 6901)};
        Path dir = Path.of(ClusterSettings.required("sigil.cluster.payara.dir"));
        Duration timeout = ClusterSettings.startTimeout();
        PayaraMicroCluster cluster = new PayaraMicroCluster(
                ClusterSettings.serverConfig().resolve("payara/cluster"), dir, http, grid, withRotationKeys(dir, Map.of(
                        "PAYARA_MICRO_JAR", ClusterSettings.required("sigil.cluster.payara.micro-jar"),
                        "SIGIL_CLUSTER_DIR", dir.toString(),
                        "SIGIL_NODE1_HTTP_PORT", Integer.toString(http[0]),
                        "SIGIL_NODE2_HTTP_PORT", Integer.toString(http[1]),
                        "SIGIL_NODE1_GRID_PORT", Integer.toString(grid[0]),
                        "SIGIL_NODE2_GRID_PORT", Integer.toString(grid[1]),
                        "SIGIL_CLUSTER_NAME", System.getProperty("sigil.cluster.payara.name", "sigil-it-cluster"),
                        "SIGIL_SERVER_ARGS", "-Dsigil.demo=true",
                        "SIGIL_START_TIMEOUT", Long.toString(timeout.toSeconds()))));
        cluster.start(Path.of(ClusterSettings.required("sigil.cluster.payara.war")), timeout.plusSeconds(120));
        return cluster;
    }

    @Override
    public String name() {
        return "Payara Micro";
    }

    @Override
    public URI base(int node) {
        return URI.create("http://127.0.0.1:" + httpPorts[node - 1] + "/app");
    }

    @Override
    public Optional<Instant> deathSeen(int survivor, int dead) throws IOException {
        return memberRemoved(nodeDir(survivor).resolve("server.log.0"), gridPorts[dead - 1]);
    }

    /**
     * @return when a Payara log (Micro or Server) first says that the data grid member at
     *         127.0.0.1:{@code gridPort} was removed, if it does yet
     * @throws IOException if the log cannot be read
     */
    static Optional<Instant> memberRemoved(Path serverLog, int gridPort) throws IOException {
        // Payara logs this once Hazelcast has suspected the member and removed it from the grid.
        String text = "from Address /127.0.0.1:" + gridPort;
        if (!Files.exists(serverLog)) {
            return Optional.empty();
        }
        // A record starts with "[2026-11-30T00:21:13.123+0000] [Payara …" and its message is on that
        // line (Micro's --logtofile) or on the next ones (Payara Server's server.log).
        String recordStart = null;
        for (String line : Files.readAllLines(serverLog, StandardCharsets.UTF_8)) {
            if (line.length() > 29 && line.charAt(0) == '[' && Character.isDigit(line.charAt(1))) {
                recordStart = line;
            }
            if (line.contains(text) && recordStart != null) {
                return Optional.of(OffsetDateTime.parse(recordStart.substring(1, 29), LOG_TIME).toInstant());
            }
        }
        return Optional.empty();
    }

    @Override
    String pidFile() {
        return "server.pid";
    }
}
