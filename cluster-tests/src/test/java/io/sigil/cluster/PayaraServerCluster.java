package io.sigil.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Payara Server 6 deployment group of two instances ({@code node1}, {@code node2}) and its DAS,
 * from {@code server-config/payara/cluster/start-deployment-group.sh}, with the built EAR, demo
 * users and the test secret (inherited as {@code SIGIL_SECRET}, stored as the password alias
 * {@code sigil-secret}). Settings come from the system properties the build sets
 * ({@code sigil.cluster.payara-server.*}). A killed instance is started again through the DAS
 * ({@code asadmin start-instance}). Not thread-safe; one test class drives it.
 */
final class PayaraServerCluster extends ScriptedCluster {

    private final Path clusterDir;
    private final Path payaraHome;
    private final int adminPort;
    private final int[] portbases;
    private final int[] gridPorts;
    private final Duration timeout;

    private PayaraServerCluster(Path scripts, Path dir, Path payaraHome, int dasPortbase, int[] portbases,
                                int[] gridPorts, Duration timeout, Map<String, String> env) {
        super(scripts, dir, env);
        this.clusterDir = dir;
        this.payaraHome = payaraHome;
        this.adminPort = dasPortbase + 48;
        this.portbases = portbases.clone();
        this.gridPorts = gridPorts.clone();
        this.timeout = timeout;
    }

    /**
     * Creates the domain and the group, deploys the EAR and waits until both instances serve it
     * in one data grid.
     *
     * @return the running cluster
     * @throws IOException if it does not start in time; nothing is left running then
     */
    static PayaraServerCluster start() throws IOException {
        int das = Integer.getInteger("sigil.cluster.payara-server.das.portbase", 27000);
        int[] portbases = {Integer.getInteger("sigil.cluster.payara-server.node1.portbase", 27100),
                Integer.getInteger("sigil.cluster.payara-server.node2.portbase", 27200)};
        int dasGrid = Integer.getInteger("sigil.cluster.payara-server.das.grid", 6910);
        int[] grid = {Integer.getInteger("sigil.cluster.payara-server.node1.grid", 6911),
                Integer.getInteger("sigil.cluster.payara-server.node2.grid", 6912)};
        Path dir = Path.of(ClusterSettings.required("sigil.cluster.payara-server.dir"));
        Path home = Path.of(ClusterSettings.required("sigil.cluster.payara-server.home"));
        Duration timeout = ClusterSettings.startTimeout();
        Map<String, String> env = new java.util.HashMap<>(withRotationKeys(dir, Map.of(
                "PAYARA_HOME", home.toString(),
                "SIGIL_CLUSTER_DIR", dir.toString(),
                "SIGIL_DAS_PORTBASE", Integer.toString(das),
                "SIGIL_NODE1_PORTBASE", Integer.toString(portbases[0]),
                "SIGIL_NODE2_PORTBASE", Integer.toString(portbases[1]),
                "SIGIL_DAS_GRID_PORT", Integer.toString(dasGrid),
                "SIGIL_NODE1_GRID_PORT", Integer.toString(grid[0]),
                "SIGIL_NODE2_GRID_PORT", Integer.toString(grid[1]),
                "SIGIL_SERVER_ARGS", "-Dsigil.demo=true",
                "SIGIL_START_TIMEOUT", Long.toString(timeout.toSeconds()))));
        env.put("SIGIL_CLUSTER_NAME", System.getProperty("sigil.cluster.payara-server.name", "sigil-it-group"));
        PayaraServerCluster cluster = new PayaraServerCluster(ClusterSettings.serverConfig().resolve("payara/cluster"),
                dir, home, das, portbases, grid, timeout, env);
        // The script waits up to the start timeout four times in a row (DAS start, DAS restart,
        // group start, application and grid ready); this bound covers all four.
        cluster.start(Path.of(ClusterSettings.required("sigil.cluster.payara-server.ear")),
                timeout.multipliedBy(4).plusSeconds(120));
        return cluster;
    }

    @Override
    public String name() {
        return "Payara Server";
    }

    @Override
    public URI base(int node) {
        return URI.create("http://127.0.0.1:" + (portbases[node - 1] + 80) + "/app");
    }

    @Override
    public Optional<Instant> deathSeen(int survivor, int dead) throws IOException {
        return PayaraMicroCluster.memberRemoved(nodeDir(survivor).resolve("logs/server.log"), gridPorts[dead - 1]);
    }

    @Override
    public boolean restartable() {
        return true;
    }

    @Override
    public void restart(int node) throws IOException {
        run(List.of(payaraHome.resolve("bin/asadmin").toString(), "--interactive=false", "--host", "127.0.0.1",
                        "--port", Integer.toString(adminPort), "start-instance", "--timeout",
                        Long.toString(timeout.toSeconds()), "node" + node),
                clusterDir.resolveSibling(clusterDir.getFileName() + "-restart-node" + node + ".log"),
                timeout.plusSeconds(60));
        awaitApplication(node);
    }

    @Override
    Path nodeDir(int node) {
        return clusterDir.resolve("nodes/sigil-node/node" + node);
    }

    @Override
    String pidFile() {
        return "config/pid";
    }

    @Override
    String startScript() {
        return "start-deployment-group.sh";
    }

    @Override
    String stopScript() {
        return "stop-deployment-group.sh";
    }

    /** Waits until a node answers an unauthenticated request to the application with 401. */
    private void awaitApplication(int node) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(node) + "/api/me"))
                .timeout(Duration.ofSeconds(15)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            sleep();
        }
        throw new IOException(name() + " node" + node + " did not serve the application within " + timeout
                + "; see " + nodeDir(node).resolve("logs/server.log"));
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
