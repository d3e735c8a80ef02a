package io.sigil.cluster;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The cluster contract on two WildFly 39 nodes (standalone-ha, JGroups TCP with a static member
 * list on 127.0.0.1, Infinispan for sessions and revocations), started by the same script a user
 * runs, because the test must kill one node's JVM with SIGKILL, which a managed Arquillian
 * container does not offer.
 */
class WildFlyClusterIT extends AbstractClusterIT {

    private static WildFlyCluster cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = WildFlyCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    ClusterUnderTest cluster() {
        return cluster;
    }
}
