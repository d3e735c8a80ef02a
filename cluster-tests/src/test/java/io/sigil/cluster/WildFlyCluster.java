package io.sigil.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Two WildFly 39 nodes from {@code server-config/wildfly/cluster/start-cluster.sh}, with the
 * built EAR, demo users and the test secret (inherited as {@code SIGIL_SECRET}). Settings come
 * from the system properties the build sets ({@code sigil.cluster.wildfly.*}).
 */
final class WildFlyCluster extends ScriptedCluster {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final int[] offsets;

    private WildFlyCluster(Path scripts, Path dir, int[] offsets, Map<String, String> environment) {
        super(scripts, dir, environment);
        this.offsets = offsets.clone();
    }

    /**
     * Starts the cluster and waits until both nodes serve the application as one cluster.
     *
     * @return the running cluster
     * @throws IOException if it does not start in time; nothing is left running then
     */
    static WildFlyCluster start() throws IOException {
        int[] offsets = {Integer.getInteger("sigil.cluster.wildfly.node1.offset", 3000),
                Integer.getInteger("sigil.cluster.wildfly.node2.offset", 3100)};
        Path dir = Path.of(ClusterSettings.required("sigil.cluster.wildfly.dir"));
        Duration timeout = ClusterSettings.startTimeout();
        WildFlyCluster cluster = new WildFlyCluster(
                ClusterSettings.serverConfig().resolve("wildfly/cluster"), dir, offsets, withRotationKeys(dir, Map.of(
                        "JBOSS_HOME", ClusterSettings.required("sigil.cluster.wildfly.home"),
                        "SIGIL_CLUSTER_DIR", dir.toString(),
                        "SIGIL_NODE1_PORT_OFFSET", Integer.toString(offsets[0]),
                        "SIGIL_NODE2_PORT_OFFSET", Integer.toString(offsets[1]),
                        "SIGIL_MULTICAST_ADDRESS", ClusterSettings.multicastAddress(),
                        "SIGIL_SERVER_ARGS", "-Dsigil.demo=true",
                        "SIGIL_START_TIMEOUT", Long.toString(timeout.toSeconds()))));
        cluster.start(Path.of(ClusterSettings.required("sigil.cluster.wildfly.ear")), timeout.plusSeconds(120));
        return cluster;
    }

    @Override
    public String name() {
        return "WildFly";
    }

    @Override
    public URI base(int node) {
        return URI.create("http://127.0.0.1:" + (8080 + offsets[node - 1]) + "/app");
    }

    @Override
    public Optional<Instant> deathSeen(int survivor, int dead) throws IOException {
        // Infinispan logs this once JGroups has suspected, verified and dropped the member.
        return firstLineWith(nodeDir(survivor).resolve("log/server.log"),
                "ISPN100001: Node node" + dead + " left the cluster",
                line -> LocalDateTime.parse(line.substring(0, 23), LOG_TIME)
                        .atZone(ZoneId.systemDefault()).toInstant());
    }

    @Override
    String pidFile() {
        return "server.pid";
    }
}
