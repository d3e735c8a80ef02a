package io.sigil.cluster;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster contract on a Payara Server 6 deployment group: two instances on one local node,
 * managed by a DAS, Hazelcast in tcpip mode with a static member list on 127.0.0.1 (the DAS is a
 * member too), the EAR deployed to the group with availability on, so web sessions and revocations
 * live in the domain data grid. Started by the same script a user runs; a killed instance is
 * started again through the DAS.
 */
class PayaraServerClusterIT extends AbstractClusterIT {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(PayaraServerCluster::start);

    @Override
    ClusterUnderTest cluster() {
        return CLUSTER.cluster();
    }
}
