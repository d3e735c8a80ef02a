package io.sigil.cluster;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster contract on two WildFly 39 nodes (standalone-ha, JGroups TCP with a static member
 * list on 127.0.0.1, Infinispan for sessions and revocations), started by the same script a user
 * runs, because the test must kill one node's JVM with SIGKILL, which a managed Arquillian
 * container does not offer.
 */
class WildFlyClusterIT extends AbstractClusterIT {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(WildFlyCluster::start);

    @Override
    ClusterUnderTest cluster() {
        return CLUSTER.cluster();
    }
}
