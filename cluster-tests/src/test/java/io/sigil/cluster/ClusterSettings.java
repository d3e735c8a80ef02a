package io.sigil.cluster;

import java.nio.file.Path;
import java.time.Duration;

/** The settings the build passes to the cluster tests as system properties. Stateless. */
final class ClusterSettings {

    private ClusterSettings() {
    }

    static String required(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + key + " is not set; run the tests with Maven");
        }
        return value;
    }

    static Path serverConfig() {
        return Path.of(required("sigil.cluster.server-config"));
    }

    static Path reportDir() {
        return Path.of(System.getProperty("sigil.cluster.report-dir", "target/cluster-reports"));
    }

    static Duration startTimeout() {
        return Duration.ofSeconds(Long.getLong("sigil.cluster.start-timeout", 300));
    }

    static String multicastAddress() {
        return System.getProperty("sigil.cluster.multicast-address", "230.0.0.13");
    }
}
