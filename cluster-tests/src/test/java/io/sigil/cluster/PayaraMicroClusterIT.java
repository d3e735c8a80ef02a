package io.sigil.cluster;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster contract on two Payara Micro 6 nodes (Hazelcast in tcpip mode with a static member
 * list on 127.0.0.1, sessions and revocations in the data grid), running the WAR variant of the
 * application: Payara Micro cannot deploy an EAR. Two Micro JVMs form a grid from the command
 * line alone (no DAS, no node); {@link PayaraServerClusterIT} runs the same cases on a Payara
 * Server deployment group with the EAR.
 */
class PayaraMicroClusterIT extends AbstractClusterIT {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(PayaraMicroCluster::start);

    @Override
    ClusterUnderTest cluster() {
        return CLUSTER.cluster();
    }
}
